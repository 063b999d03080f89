/** Every error code of the status server; callers branch on these, never on message text. */
export const STATUS_ERROR_CODES = [
  "STATUS_CONFIG",
  "STATUS_UNAUTHORIZED",
  "STATUS_FORBIDDEN",
  "STATUS_VALIDATION",
  "STATUS_NOT_FOUND",
  "STATUS_BODY_TOO_LARGE",
  "STATUS_RATE_LIMITED",
  "STATUS_LEDGER_CONFLICT",
  "STATUS_LEASE_HELD",
  "STATUS_LEASE_NOT_FOUND",
  "STATUS_LEASE_GONE",
  "STATUS_STORE",
  "STATUS_INTERNAL",
] as const;

/** One of {@link STATUS_ERROR_CODES}. */
export type StatusErrorCode = (typeof STATUS_ERROR_CODES)[number];

/** HTTP status each code is answered with (one error handler maps codes to statuses). */
export const HTTP_STATUS_OF: Readonly<Record<StatusErrorCode, number>> = {
  STATUS_CONFIG: 500,
  STATUS_UNAUTHORIZED: 401,
  STATUS_FORBIDDEN: 403,
  STATUS_VALIDATION: 400,
  STATUS_NOT_FOUND: 404,
  STATUS_BODY_TOO_LARGE: 413,
  STATUS_RATE_LIMITED: 429,
  STATUS_LEDGER_CONFLICT: 409,
  STATUS_LEASE_HELD: 409,
  STATUS_LEASE_NOT_FOUND: 404,
  STATUS_LEASE_GONE: 410,
  STATUS_STORE: 500,
  STATUS_INTERNAL: 500,
};

/**
 * An error of the status server. `extra` is merged into the JSON error body next to `error`
 * (e.g. the current lease holder of a STATUS_LEASE_HELD).
 */
export class StatusServerError extends Error {
  readonly code: StatusErrorCode;
  readonly extra: Record<string, unknown> | undefined;
  constructor(code: StatusErrorCode, message: string, extra?: Record<string, unknown>) {
    super(message);
    this.name = "StatusServerError";
    this.code = code;
    this.extra = extra;
  }

  /** The HTTP status this error is answered with. */
  get statusCode(): number {
    return HTTP_STATUS_OF[this.code];
  }
}

/** True for a {@link StatusServerError}. */
export function isStatusServerError(error: unknown): error is StatusServerError {
  return error instanceof StatusServerError;
}
