import type { StatusCounts } from "./status-store.js";

/**
 * Counters all at zero. Which counter a status adds to, and which statuses are final, is the run
 * lifecycle of `@qac/core` (`runStatusBucket`, `isFinishedRun`): an undocumented status is "other".
 */
export function emptyCounts(): StatusCounts {
  return { passed: 0, failed: 0, blocked: 0, awaiting: 0, inProgress: 0, other: 0, total: 0 };
}
