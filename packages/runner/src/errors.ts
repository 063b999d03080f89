/**
 * Every error `@qac/runner` throws is a {@link RunnerError}; callers branch on `code`, never on
 * message text, and read `details` typed by the code. Client errors from `@qac/core` (`QacError`)
 * pass through unchanged.
 */
import type { StaleRun } from "./apply/check-stale.js";
import type { LeaseHolder } from "./lease/lease.js";
import type { ApplyReport } from "./report/apply-report.js";
import type { StatusLease } from "./status-client/create-status-client.js";

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

/** The plain data each code carries in {@link RunnerError.details}. */
export interface RunnerErrorDetails {
  RUNNER_INVALID_ARGUMENT: Record<string, never>;
  /** Every run whose decision changed since the plan was saved. */
  RUNNER_STALE_PLAN: { changed: StaleRun[] };
  RUNNER_SAVED_PLAN: { file: string };
  /** The local lock file and its holder (null when unreadable), or the status server's lease (null when unknown). */
  RUNNER_LEASE_TIMEOUT: { file: string; holder?: LeaseHolder | null } | { lease: StatusLease | null };
  RUNNER_STATE_FILE: { file: string };
  /** The request that failed (with the answer's HTTP status when there was one), or the lease that was not released. */
  RUNNER_STATUS_SERVER: { method: string; path: string; status?: number } | { leaseId: string };
  /** The `--once-per` id, and the desired run's identity when known. */
  RUNNER_LEDGER_CONFLICT: { applyIdentity: string; identity?: string };
  /** The run keys missing, shown twice or not planned in `where`; `report` once runs were applied. */
  RUNNER_LOST_RUNS: { where: string; lost: string[]; twice: string[]; extra: string[]; report?: ApplyReport };
  /** The runs whose record was lost; `report` when `applyPlan` throws it (the runs were applied). */
  RUNNER_RECORD_NOT_DURABLE: { identities: string[]; runIds: number[]; report?: ApplyReport };
}

/**
 * Base class of every error thrown by `@qac/runner`; `details` carries plain data, typed by `code`
 * ({@link RunnerErrorDetails}).
 */
export class RunnerError<C extends RunnerErrorCode = RunnerErrorCode> extends Error {
  override readonly name = "RunnerError";
  constructor(
    readonly code: C,
    message: string,
    readonly details: RunnerErrorDetails[C],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True when `value` is a {@link RunnerError}, optionally with the given code (then its details are typed). */
export function isRunnerError<C extends RunnerErrorCode = RunnerErrorCode>(
  value: unknown,
  code?: C,
): value is RunnerError<C> {
  return value instanceof RunnerError && (code === undefined || value.code === code);
}
