import type { Dispatcher } from "undici";
import { QacError, type ConfigProblem, type CoreErrorCode } from "./errors.js";
import type { RetryOptions } from "./retry.js";
import { resolveRetry, type ResolvedRetry } from "./retry.js";

/** One line per HTTP attempt, for the `log` hook. Never carries headers or bodies. */
export interface RequestLogEvent {
  method: string;
  /** Endpoint key, e.g. `"GET /api/v2/projects/{ProjectId}/testruns"`. */
  route: string;
  /** Path under the server root, including the query. */
  path: string;
  /** HTTP status, or null when no response arrived. */
  status: number | null;
  durationMs: number;
  /** 1-based attempt number. */
  attempt: number;
  /** The `X-Request-Id` sent. */
  requestId: string;
  /** Error code when the attempt failed. */
  errorCode?: CoreErrorCode;
  /** Delay before the next attempt, when the client retries. */
  retryInMs?: number;
}

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** Server root (`https://rest.qacomplete.smartbear.com`) or a URL already ending in `/rest-api/service`. */
  baseUrl: string | URL;
  /** Login: the user's e-mail address. */
  username: string;
  /** The user's password; kept in a closure, never logged or serialised. */
  password: string;
  /** Rows per page for `iterate`. @default 500 */
  pageSize?: number;
  /** Retry policy, or `false` for a single attempt. @default RETRY_DEFAULTS */
  retry?: RetryOptions | false;
  /** Aborting it (Ctrl-C) ends every wait between attempts at once; the last failure is thrown. */
  signal?: AbortSignal;
  /** Deadline per attempt (connect to last body byte), in ms. @default 30000 */
  timeoutMs?: number;
  /**
   * Largest response body the client reads, in bytes; a bigger one is CORE_INVALID_RESPONSE.
   * @default 67108864 (64 MiB)
   */
  maxResponseBytes?: number;
  /** Keep-alive connections per origin (bounds concurrency); ignored with `dispatcher`. @default 8 */
  connections?: number;
  /** Receives one event per HTTP attempt. */
  log?: (event: RequestLogEvent) => void;
  /** Your own undici dispatcher (Agent, Pool, MockAgent); the client then does not own or close it. */
  dispatcher?: Dispatcher;
  /** Monotonic clock for durations, in ms. @default performance.now */
  now?: () => number;
  /** Wall clock in epoch ms, to read `Retry-After` HTTP dates. @default Date.now */
  wallClock?: () => number;
  /** Generates the `X-Request-Id` of each attempt. @default crypto.randomUUID */
  requestId?: () => string;
}

/** Options after validation, with defaults applied. */
export interface ResolvedOptions {
  /** Origin, e.g. `http://127.0.0.1:8787`. */
  origin: string;
  /** Path prefix up to and including `/rest-api/service`. */
  servicePath: string;
  /** Redacted URL for display. */
  displayUrl: string;
  username: string;
  pageSize: number;
  retry: ResolvedRetry;
  timeoutMs: number;
  maxResponseBytes: number;
  connections: number;
  log: ((event: RequestLogEvent) => void) | undefined;
  signal: AbortSignal | undefined;
  dispatcher: Dispatcher | undefined;
  now: () => number;
  wallClock: () => number;
  requestId: () => string;
}

/** A `CORE_CONFIG` error for one option, its problem as data and in a sentence for library users. */
function problem(option: string, expected: string, found: unknown, sentence?: string): QacError {
  const kind = found === undefined ? "missing" : "invalid";
  const shown = typeof found === "string" ? found : undefined;
  const data: ConfigProblem = { option, kind, expected, ...(shown === undefined ? {} : { found: shown }) };
  const what = found === undefined ? "is missing" : "is invalid";
  const got = found === undefined ? "" : `, got ${shown === undefined ? typeof found : JSON.stringify(shown)}`;
  return new QacError(
    "CORE_CONFIG",
    `createClient: ${sentence ?? `option \`${option}\` ${what}; expected ${expected}${got}.`}`,
    {
      problems: [data],
    },
  );
}

const fail = (option: string, expected: string, found: unknown): QacError => problem(option, expected, found);

function positiveInt(
  options: ClientOptions,
  key: "pageSize" | "timeoutMs" | "connections" | "maxResponseBytes",
  fallback: number,
): number {
  const value = options[key];
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1)
    throw fail(key, "a positive integer", value);
  return value;
}

/** Splits a base URL into origin and the `/rest-api/service` prefix; rejects what cannot be a QAComplete root. */
export function parseBaseUrl(baseUrl: unknown): { origin: string; servicePath: string } {
  const expected = "an http(s) URL of the QAComplete server root, e.g. https://rest.qacomplete.smartbear.com";
  if (typeof baseUrl !== "string" && !(baseUrl instanceof URL)) throw fail("baseUrl", expected, baseUrl);
  const given = String(baseUrl);
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw problem("baseUrl", expected, given, `option \`baseUrl\` is not a URL; expected ${expected}.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw problem("baseUrl", expected, given, `option \`baseUrl\` uses ${url.protocol}; expected ${expected}.`);
  // Credentials in the URL would leak into every error path; they belong in username/password.
  if (url.username || url.password) {
    const shown = `${url.protocol}//***@${url.host}${url.pathname}`;
    throw problem(
      "baseUrl",
      "a URL without a user or password in it (they are given separately)",
      shown,
      "option `baseUrl` must not contain credentials; pass `username` and `password` instead.",
    );
  }
  if (url.search || url.hash)
    throw problem(
      "baseUrl",
      `a URL without a query or fragment, ${expected}`,
      given,
      `option \`baseUrl\` must not have a query or fragment; expected ${expected}.`,
    );
  const prefix = url.pathname.replace(/\/+$/, "").replace(/\/rest-api\/service$/i, "");
  return { origin: url.origin, servicePath: `${prefix}/rest-api/service` };
}

/**
 * Validates {@link ClientOptions}. All problems are collected and thrown as one `CORE_CONFIG`
 * error whose message names every bad option, so a user fixes them in one go.
 */
export function resolveOptions(options: ClientOptions): ResolvedOptions {
  if (typeof options !== "object" || options === null)
    throw new QacError("CORE_CONFIG", "createClient: expected an options object { baseUrl, username, password }.");
  const problems: string[] = [];
  const data: ConfigProblem[] = [];
  const check = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof QacError)) throw error;
      problems.push(error.message.replace(/^createClient: /, ""));
      data.push(...error.problems);
      return undefined;
    }
  };
  const base = check(() => parseBaseUrl(options.baseUrl));
  check(() => {
    if (typeof options.username !== "string" || options.username.trim() === "")
      throw fail("username", "the user's e-mail address (a non-empty string)", options.username);
    if (options.username.includes(":"))
      throw problem(
        "username",
        "an e-mail address without ':' (HTTP Basic cannot encode it)",
        options.username,
        "option `username` must not contain ':' (HTTP Basic cannot encode it).",
      );
  });
  // Never echo the password value, not even its type beyond "missing/invalid".
  check(() => {
    if (typeof options.password !== "string" || options.password === "") {
      const given = options.password !== undefined && options.password !== "";
      const error = fail("password", "a non-empty string", given ? "(hidden)" : undefined);
      throw new QacError("CORE_CONFIG", error.message, {
        problems: [{ option: "password", kind: given ? "invalid" : "missing", expected: "a non-empty string" }],
      });
    }
  });
  check(() => {
    if (options.log !== undefined && typeof options.log !== "function") throw fail("log", "a function", options.log);
  });
  check(() => {
    if (options.signal !== undefined && !(options.signal instanceof AbortSignal))
      throw fail("signal", "an AbortSignal", options.signal);
  });
  check(() => {
    const d = options.dispatcher;
    if (d !== undefined && (typeof d !== "object" || d === null || typeof d.request !== "function"))
      throw fail("dispatcher", "an undici Dispatcher", d);
  });
  const pageSize = check(() => positiveInt(options, "pageSize", 500));
  const retry = check(() => resolveRetry(options.retry));
  const timeoutMs = check(() => positiveInt(options, "timeoutMs", 30_000));
  const maxResponseBytes = check(() => positiveInt(options, "maxResponseBytes", 64 * 1024 * 1024));
  const connections = check(() => positiveInt(options, "connections", 8));
  if (problems.length === 1) throw new QacError("CORE_CONFIG", `createClient: ${problems[0]}`, { problems: data });
  if (problems.length > 1)
    throw new QacError(
      "CORE_CONFIG",
      `createClient: ${problems.length} problems with the options:\n${problems.map((p) => `- ${p}`).join("\n")}`,
      { problems: data },
    );
  return {
    origin: base!.origin,
    servicePath: base!.servicePath,
    displayUrl: `${base!.origin}${base!.servicePath}`,
    username: options.username,
    pageSize: pageSize!,
    retry: retry!,
    timeoutMs: timeoutMs!,
    maxResponseBytes: maxResponseBytes!,
    connections: connections!,
    log: options.log,
    signal: options.signal,
    dispatcher: options.dispatcher,
    now: options.now ?? (() => performance.now()),
    wallClock: options.wallClock ?? (() => Date.now()),
    requestId: options.requestId ?? (() => crypto.randomUUID()),
  };
}
