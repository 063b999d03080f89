import type { Dispatcher } from "undici";
import { QacError, type QacErrorContext } from "./errors.js";

/** One HTTP exchange as the request layer needs it. */
export interface TransportRequest {
  origin: string;
  path: string;
  method: Dispatcher.HttpMethod;
  headers: Record<string, string>;
  body: string | undefined;
  timeoutMs: number;
  /** Largest body read; more is CORE_INVALID_RESPONSE (a server must not be able to exhaust memory). */
  maxBytes: number;
}

/** A response with its body read as text. */
export interface TransportResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

// Failures that happen while connecting, so no byte of the request reached the server.
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);
const notSentErrors = new WeakSet<QacError>();

/** True when the failed attempt never reached the server (so even a create may be repeated). */
export function failedBeforeSending(error: QacError): boolean {
  return notSentErrors.has(error);
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") return code;
  // Connection errors can arrive wrapped (AggregateError for multi-address hosts, or a cause).
  const inner = error as { errors?: unknown[]; cause?: unknown } | null;
  return inner?.errors?.[0] !== undefined
    ? codeOf(inner.errors[0])
    : inner?.cause !== undefined
      ? codeOf(inner.cause)
      : undefined;
}

/**
 * A copy of a dispatcher error with credentials scrubbed from its message. Some dispatchers (e.g.
 * undici's MockAgent) quote request headers in their messages, so the original is not kept.
 */
function safeCause(cause: unknown, scrub: (text: string) => string): Error {
  const original = cause instanceof Error ? cause : new Error(String(cause));
  const copy = new Error(scrub(original.message));
  copy.name = original.name;
  const code = codeOf(cause);
  if (code !== undefined) Object.assign(copy, { code });
  return copy;
}

/**
 * Sends one request through `dispatcher` under a deadline covering connect, headers and body.
 * Network failures become CORE_NETWORK / CORE_TIMEOUT errors carrying `context`.
 */
export async function send(
  dispatcher: Dispatcher,
  request: TransportRequest,
  context: QacErrorContext,
  scrub: (text: string) => string,
): Promise<TransportResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);
  try {
    const response = await dispatcher.request({
      origin: request.origin,
      path: request.path,
      method: request.method,
      headers: request.headers,
      body: request.body ?? null,
      signal: controller.signal,
    });
    const tooLarge = () => {
      response.body.destroy();
      return new QacError(
        "CORE_INVALID_RESPONSE",
        `${request.method} ${request.path} returned a body larger than ${request.maxBytes} bytes (option ` +
          `\`maxResponseBytes\`).`,
        { ...context, status: response.statusCode },
      );
    };
    if (Number(response.headers["content-length"] ?? 0) > request.maxBytes) throw tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > request.maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
    return {
      status: response.statusCode,
      headers: response.headers,
      text: Buffer.concat(chunks, size).toString("utf8"),
    };
  } catch (raw) {
    if (raw instanceof QacError) throw raw;
    const cause = safeCause(raw, scrub);
    const where = `${request.method} ${request.path}`;
    if (timedOut) {
      throw new QacError(
        "CORE_TIMEOUT",
        `${where} got no complete response within ${request.timeoutMs} ms (option \`timeoutMs\`).`,
        { ...context, cause },
      );
    }
    const code = codeOf(cause);
    const reason = cause.message;
    const error = new QacError("CORE_NETWORK", `${where} failed: ${code ?? "network error"} (${reason}).`, {
      ...context,
      cause,
    });
    if (code !== undefined && NOT_SENT_CODES.has(code)) notSentErrors.add(error);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
