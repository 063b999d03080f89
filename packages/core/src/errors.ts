/**
 * Every error `@qac/core` throws is a {@link QacError}; callers branch on `code`, never on message text.
 * Errors carry the request context (method, path, status, server message, correlation ids) and
 * never credentials: the client builds paths itself and scrubs server messages before they get here.
 */

/** The closed list of error codes of `@qac/core`. */
export const CORE_ERROR_CODES = [
  "CORE_CONFIG",
  "CORE_INVALID_ARGUMENT",
  "CORE_AUTH",
  "CORE_ACCESS_DENIED",
  "CORE_NOT_FOUND",
  "CORE_BAD_REQUEST",
  "CORE_RATE_LIMITED",
  "CORE_SERVER",
  "CORE_NETWORK",
  "CORE_TIMEOUT",
  "CORE_INVALID_RESPONSE",
  "CORE_CREATE_OUTCOME_UNKNOWN",
] as const;

/** One of {@link CORE_ERROR_CODES}. */
export type CoreErrorCode = (typeof CORE_ERROR_CODES)[number];

/** One bad option of `createClient`, as data, so a caller can name it in its own words (`QAC_URL`). */
export interface ConfigProblem {
  /** The option, e.g. `baseUrl`, `username`, `password`, `retry.sleep`. */
  option: string;
  /** `missing`, or given but `invalid`. */
  kind: "missing" | "invalid";
  /** What a valid value is, e.g. `an http(s) URL of the QAComplete server root`. */
  expected: string;
  /** The value given, only when it is not secret: never a password, a URL without its credentials. */
  found?: string;
}

/** Request context attached to an error. All fields are optional: config errors have none. */
export interface QacErrorContext {
  /** HTTP method, e.g. `GET`. */
  method?: string;
  /**
   * Request path under the server root including the query, e.g.
   * `/rest-api/service/api/v2/projects/1001/testruns?offset=0&limit=500`.
   */
  path?: string;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** The server's error text (JSON `Message` or plain text), truncated. */
  serverMessage?: string;
  /** The id this client sent as `X-Request-Id`. */
  requestId?: string;
  /** A correlation id the server returned, if any. */
  serverRequestId?: string;
  /** Which attempt (1-based) failed. */
  attempt?: number;
  /** The underlying error (network errors). */
  cause?: unknown;
  /** `CORE_CONFIG`: every bad option. */
  problems?: readonly ConfigProblem[];
}

/** Base class of every error thrown by `@qac/core`. */
export class QacError extends Error {
  override readonly name: string = "QacError";
  readonly code: CoreErrorCode;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly status: number | undefined;
  readonly serverMessage: string | undefined;
  readonly requestId: string | undefined;
  readonly serverRequestId: string | undefined;
  readonly attempt: number | undefined;
  /** `CORE_CONFIG`: every bad option, as data (empty for other codes). */
  readonly problems: readonly ConfigProblem[];
  /** The system error code of a network failure (`ECONNREFUSED`, `ENOTFOUND`, ...), when there is one. */
  readonly causeCode: string | undefined;

  constructor(code: CoreErrorCode, message: string, context: QacErrorContext = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.code = code;
    this.method = context.method;
    this.path = context.path;
    this.status = context.status;
    this.serverMessage = context.serverMessage;
    this.requestId = context.requestId;
    this.serverRequestId = context.serverRequestId;
    this.attempt = context.attempt;
    this.problems = context.problems ?? [];
    const cause = context.cause;
    const causeCode = cause instanceof QacError ? cause.causeCode : (cause as { code?: unknown } | null)?.code;
    this.causeCode = typeof causeCode === "string" ? causeCode : undefined;
  }

  /** A plain, credential-free view for logs and JSON output. */
  toJSON(): Record<string, unknown> {
    const cause =
      this.cause instanceof Error
        ? { name: this.cause.name, message: this.cause.message, code: (this.cause as { code?: unknown }).code }
        : undefined;
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      method: this.method,
      path: this.path,
      status: this.status,
      serverMessage: this.serverMessage,
      requestId: this.requestId,
      serverRequestId: this.serverRequestId,
      attempt: this.attempt,
      ...(this.problems.length ? { problems: this.problems } : {}),
      cause,
    };
  }
}

/** `CORE_RATE_LIMITED`: the server answered 429. */
export class QacRateLimitedError extends QacError {
  override readonly name = "QacRateLimitedError";
  /** Delay the server asked for (from `Retry-After`), or null when it gave none. */
  readonly retryAfterMs: number | null;

  constructor(message: string, retryAfterMs: number | null, context: QacErrorContext) {
    super("CORE_RATE_LIMITED", message, context);
    this.retryAfterMs = retryAfterMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs };
  }
}

/**
 * `CORE_CREATE_OUTCOME_UNKNOWN`: a request that creates a run (POST testruns, restart) may or may not
 * have created it (timeout, connection reset after sending, 5xx). The client never repeats it; the
 * caller must reconcile (list the runs) using `requestBody`.
 */
export class QacCreateOutcomeUnknownError extends QacError {
  override readonly name = "QacCreateOutcomeUnknownError";
  /** The JSON body that was sent (PascalCase `RequestTestPost`), or null for a restart. */
  readonly requestBody: unknown;
  /** The error that made the outcome unknown (timeout, network or server error). */
  readonly reason: QacError;

  constructor(reason: QacError, requestBody: unknown) {
    super(
      "CORE_CREATE_OUTCOME_UNKNOWN",
      `${reason.method ?? "POST"} ${reason.path ?? ""} may or may not have created a test run ` +
        `(${reason.code}: ${reason.message}). ` +
        "It was not repeated; list the project's runs to find out whether it exists before trying again.",
      { ...contextOf(reason), cause: reason },
    );
    this.requestBody = requestBody;
    this.reason = reason;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), requestBody: this.requestBody, reason: this.reason.toJSON() };
  }
}

function contextOf(error: QacError): QacErrorContext {
  const context: QacErrorContext = {};
  if (error.method !== undefined) context.method = error.method;
  if (error.path !== undefined) context.path = error.path;
  if (error.status !== undefined) context.status = error.status;
  if (error.serverMessage !== undefined) context.serverMessage = error.serverMessage;
  if (error.requestId !== undefined) context.requestId = error.requestId;
  if (error.serverRequestId !== undefined) context.serverRequestId = error.serverRequestId;
  if (error.attempt !== undefined) context.attempt = error.attempt;
  return context;
}

/** True when `value` is a {@link QacError}, optionally with the given code. */
export function isQacError(value: unknown, code?: CoreErrorCode): value is QacError {
  return value instanceof QacError && (code === undefined || value.code === code);
}
