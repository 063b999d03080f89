import type { RunStatus } from "@qac/core";

/**
 * Statuses of a run that has not finished (reference §3.8): such a run satisfies a desired run
 * with the same key. `Paused` counts: a paused run is resumed, not replaced.
 */
export const UNFINISHED_STATUSES: readonly RunStatus[] = ["Awaiting Run", "In Progress", "Paused"];

/** True while a run may still change (Awaiting Run, In Progress, Paused). */
export function isUnfinished(status: string): boolean {
  return (UNFINISHED_STATUSES as readonly string[]).includes(status);
}

/** True when a finished run counts as a success (only `Passed`). */
export function isPassed(status: string): boolean {
  return status === "Passed";
}
