import type { RunStatus } from "./wire/test-run.js";

/**
 * Statuses of a run that has not finished (reference §3.8): it may still change, so it satisfies a
 * desired run with the same key and is polled while waiting. `Paused` counts: a paused run is
 * resumed, not replaced.
 */
export const UNFINISHED_RUN_STATUSES = ["Awaiting Run", "In Progress", "Paused"] as const satisfies RunStatus[];

/** Statuses of a finished run that the reference documents (§3.8, §11.6). */
export const FINAL_RUN_STATUSES = ["Passed", "Failed", "Blocked", "Incomplete"] as const satisfies RunStatus[];

/** Where a run status falls, for counting: an undocumented status is `other`, never `passed`. */
export type RunStatusBucket = "passed" | "failed" | "blocked" | "awaiting" | "inProgress" | "other";

const norm = (status: string | null | undefined): string => (status ?? "").trim().toLowerCase();
const UNFINISHED = new Set<string>(UNFINISHED_RUN_STATUSES.map(norm));

/**
 * True while a run may still change (Awaiting Run, In Progress, Paused; any letter case). A status
 * the reference does not document is taken as finished: run statuses are derived by the server, not
 * chosen from a list, so an unknown one is not a run still on its way, and waiting on it would last
 * until the deadline.
 */
export function isUnfinishedRun(status: string | null | undefined): boolean {
  return UNFINISHED.has(norm(status));
}

/** True when a run no longer changes: any known or unknown status that is not unfinished. */
export function isFinishedRun(status: string | null | undefined): boolean {
  return status !== null && status !== undefined && status.trim() !== "" && !isUnfinishedRun(status);
}

/** True only for `Passed`: an unknown status never counts as a success. */
export function isPassedRun(status: string | null | undefined): boolean {
  return norm(status) === "passed";
}

/** The counter a run status adds to. */
export function runStatusBucket(status: string | null | undefined): RunStatusBucket {
  switch (norm(status)) {
    case "passed":
      return "passed";
    case "failed":
      return "failed";
    case "blocked":
      return "blocked";
    case "awaiting run":
      return "awaiting";
    case "in progress":
    case "paused":
      return "inProgress";
    default:
      return "other";
  }
}
