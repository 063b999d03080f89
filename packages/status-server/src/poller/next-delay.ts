import { isQacError } from "@qac/core";

/**
 * Pause before the next poll: the interval when all is well, doubling with each failed cycle up
 * to `maxMs` (from at least 1 s), and never shorter than a rate limit's Retry-After.
 */
export function nextDelay(intervalMs: number, maxMs: number, failures: number, error: unknown): number {
  if (failures === 0) return intervalMs;
  // Back off from at least a second: a tiny (or zero) interval must not hammer a failing server.
  const backoff = Math.min(maxMs, Math.max(intervalMs, 1000) * 2 ** Math.min(failures, 30));
  const retryAfter =
    isQacError(error) && error.code === "CORE_RATE_LIMITED"
      ? ((error as { retryAfterMs?: number }).retryAfterMs ?? 0)
      : 0;
  return Math.max(backoff, Math.min(retryAfter, maxMs));
}
