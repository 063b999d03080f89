import { QacError, QacRateLimitedError, type CoreErrorCode, type QacErrorContext } from "./errors.js";
import { parseRetryAfter } from "./retry.js";

const MAX_MESSAGE = 300;

/** A non-2xx response, as the transport read it. */
export interface ErrorResponse {
  status: number;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Reads the server's error text from the shapes QAComplete uses (reference §13): ServiceStack's
 * `ResponseStatus.Message` (or snake-case `response_status.message`), then a top-level `Message`
 * (or `message`/`error`), else the plain body; field errors (`Errors[]`) are appended. Truncated.
 */
export function readServerMessage(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  let message = trimmed;
  if (trimmed.startsWith("{") || trimmed.startsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (typeof parsed === "string") message = parsed;
      else if (typeof parsed === "object" && parsed !== null) message = messageOf(parsed) ?? message;
    } catch {
      // Not JSON after all: keep the plain text.
    }
  }
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;

function messageOf(body: object): string | undefined {
  const record = body as Record<string, unknown>;
  const status = record.ResponseStatus ?? record.response_status ?? record.responseStatus;
  if (typeof status === "object" && status !== null) {
    const s = status as Record<string, unknown>;
    const main = text(s.Message) ?? text(s.message) ?? text(s.ErrorCode) ?? text(s.error_code);
    const errors = Array.isArray(s.Errors) ? s.Errors : Array.isArray(s.errors) ? s.errors : [];
    const fields = errors.flatMap((e: unknown) => {
      if (typeof e !== "object" || e === null) return [];
      const f = e as Record<string, unknown>;
      const what = text(f.Message) ?? text(f.message) ?? text(f.ErrorCode) ?? text(f.error_code);
      const field = text(f.FieldName) ?? text(f.field_name);
      return what === undefined ? [] : [field === undefined ? what : `${field}: ${what}`];
    });
    const all = [main, ...fields.filter((f) => f !== main)].filter((m) => m !== undefined);
    if (all.length > 0) return all.join("; ");
  }
  return text(record.Message) ?? text(record.message) ?? text(record.error);
}

/** First value of a header, case-insensitively (undici lower-cases names). */
export function header(headers: ErrorResponse["headers"], name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

const is = (message: string | undefined, stock: string): boolean =>
  message !== undefined && message.trim().replace(/\.$/, "").toLowerCase() === stock.toLowerCase();

/**
 * Maps a non-2xx response to a {@link QacError}. Status codes and bodies are partly UNCONFIRMED
 * (reference §11.5): "Access is denied" and "File or directory not found" are recognised in any
 * status, since the API documents the texts but not the codes.
 */
export function mapHttpError(response: ErrorResponse, context: QacErrorContext, nowMs: number = Date.now()): QacError {
  const { status } = response;
  const serverMessage = context.serverMessage;
  const where = `${context.method ?? "?"} ${context.path ?? "?"}`;
  const detail = serverMessage === undefined ? "" : `: ${serverMessage}`;
  const ctx = { ...context, status };
  const make = (code: CoreErrorCode, hint: string): QacError =>
    new QacError(code, `${where} failed with HTTP ${status}${detail}. ${hint}`, ctx);

  if (status === 429) {
    const retryAfterMs = parseRetryAfter(header(response.headers, "retry-after"), nowMs);
    const wait = retryAfterMs === null ? "" : ` The server asked to wait ${retryAfterMs} ms.`;
    return new QacRateLimitedError(`${where} was rate limited (HTTP 429)${detail}.${wait}`, retryAfterMs, ctx);
  }
  // A 401 that only says "Access is denied" without a Basic challenge is the project-access
  // answer some servers give with 401 instead of 403 (reference §11.5).
  const challenged = header(response.headers, "www-authenticate") !== undefined;
  if (status === 401 && (challenged || !is(serverMessage, "Access is denied"))) {
    return make("CORE_AUTH", "The login was refused: check the user's e-mail address and password.");
  }
  if (status === 401 || status === 403 || is(serverMessage, "Access is denied")) {
    return make("CORE_ACCESS_DENIED", "The project does not exist or this user lacks the rights for it.");
  }
  if (status === 404 || is(serverMessage, "File or directory not found")) {
    return make("CORE_NOT_FOUND", "The item (or the project) does not exist.");
  }
  if (status >= 500) return make("CORE_SERVER", "The QAComplete server failed; try again later.");
  return make("CORE_BAD_REQUEST", "The server rejected the request.");
}
