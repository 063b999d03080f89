import type { StatusCounts } from "./status-store.js";

/** QAComplete run statuses after which a run no longer changes (reference §11.6). */
const FINAL = new Set(["passed", "failed", "blocked", "incomplete"]);

/** True when a run in this status will not change any more, so the poller can stop asking. */
export function isFinalStatus(status: string | null): boolean {
  return status !== null && FINAL.has(status.toLowerCase());
}

/** Which counter of {@link StatusCounts} a status adds to. */
export function bucketOf(status: string | null): Exclude<keyof StatusCounts, "total"> {
  switch (status?.toLowerCase()) {
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

/** Counters all at zero. */
export function emptyCounts(): StatusCounts {
  return { passed: 0, failed: 0, blocked: 0, awaiting: 0, inProgress: 0, other: 0, total: 0 };
}
