import { formatRunTime } from "../store/format-date.js";
import type { RunItemRow, RunRow, RunStatus } from "../tenant/wire-types.js";

/** The run fields that follow from its items. */
export type DerivedRunFields = Pick<
  RunRow,
  | "status_code"
  | "nbr_tests"
  | "nbr_passed"
  | "nbr_failed"
  | "nbr_blocked"
  | "nbr_awaiting_run"
  | "run_time"
  | "run_time_formated"
>;

/**
 * Derives a run's status and counters from its items (reference §11.6): all items Awaiting Run →
 * `Awaiting Run` (or `In Progress` once a host picked the run up: the host is working on it); some
 * done → `In Progress`; all done: any Skipped → `Incomplete`, else any Failed → `Failed`, else any
 * Blocked → `Blocked`, else `Passed`. `run_time` is the sum of the items' run times (assumption).
 *
 * `NA` and the project's own choice-list values (reference §13) are final results that count like
 * Passed for the run status: the run statuses of §3.8 are defined by failed, blocked and skipped
 * items only ("Passed – finished successfully"), and "not applicable" or "Passed with warnings"
 * are none of those. There is no `nbr_` counter for them (nor for Skipped), so they count in
 * `nbr_tests` only and the counters need not add up, as in a captured SaaS response (§13).
 */
export function deriveRun(items: readonly RunItemRow[], started: boolean): DerivedRunFields {
  let passed = 0;
  let failed = 0;
  let blocked = 0;
  let skipped = 0;
  let awaiting = 0;
  let runTime = 0;
  for (const item of items) {
    runTime += item.run_time;
    if (item.status_code === "Passed") passed++;
    else if (item.status_code === "Failed") failed++;
    else if (item.status_code === "Blocked") blocked++;
    else if (item.status_code === "Skipped") skipped++;
    else if (item.status_code === "Awaiting Run") awaiting++;
  }
  let status: RunStatus;
  if (awaiting === items.length) status = started && items.length > 0 ? "In Progress" : "Awaiting Run";
  else if (awaiting > 0) status = "In Progress";
  else if (skipped > 0) status = "Incomplete";
  else if (failed > 0) status = "Failed";
  else if (blocked > 0) status = "Blocked";
  else status = "Passed";
  return {
    status_code: status,
    nbr_tests: items.length,
    nbr_passed: passed,
    nbr_failed: failed,
    nbr_blocked: blocked,
    nbr_awaiting_run: awaiting,
    run_time: runTime,
    run_time_formated: formatRunTime(runTime),
  };
}

/**
 * Statuses of a run that has not finished (they count for duplicate detection, reference §11.1).
 * The simulator keeps its own list, as the server does: it must not share a mistake with the client.
 */
export const ACTIVE_RUN_STATUSES = ["Awaiting Run", "In Progress", "Paused"] as const;

/** True for a run that has not finished. */
export function isActiveRun(status: string): boolean {
  return (ACTIVE_RUN_STATUSES as readonly string[]).includes(status);
}

/** True when every item has a final status. */
export function isFinished(derived: DerivedRunFields): boolean {
  return derived.nbr_awaiting_run === 0 && derived.nbr_tests > 0;
}
