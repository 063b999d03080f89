/**
 * Every error `@qac/runner` throws is a {@link RunnerError}; callers branch on `code`, never on
 * message text. Client errors from `@qac/core` (`QacError`) pass through unchanged.
 */

/** The closed list of error codes of `@qac/runner`. */
export const RUNNER_ERROR_CODES = [
  "RUNNER_INVALID_ARGUMENT",
  "RUNNER_STALE_PLAN",
  "RUNNER_SAVED_PLAN",
  "RUNNER_LEASE_TIMEOUT",
  "RUNNER_STATE_FILE",
  "RUNNER_STATUS_SERVER",
  "RUNNER_LEDGER_CONFLICT",
  "RUNNER_LOST_RUNS",
  "RUNNER_RECORD_NOT_DURABLE",
] as const;

/** One of {@link RUNNER_ERROR_CODES}. */
export type RunnerErrorCode = (typeof RUNNER_ERROR_CODES)[number];

/** Base class of every error thrown by `@qac/runner`; `details` carries plain data for `--json`. */
export class RunnerError extends Error {
  override readonly name = "RunnerError";
  constructor(
    readonly code: RunnerErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True when `value` is a {@link RunnerError}, optionally with the given code. */
export function isRunnerError(value: unknown, code?: RunnerErrorCode): value is RunnerError {
  return value instanceof RunnerError && (code === undefined || value.code === code);
}
