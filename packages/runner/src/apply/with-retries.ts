import { isQacError, QacRateLimitedError } from "@qac/core";

/** How the runner waits; injected so tests drive the simulator's virtual clock instead of sleeping. */
export type Sleep = (ms: number) => Promise<void>;

/** Real waiting. */
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Options of {@link withRetries}. */
export interface RetryPolicy {
  sleep: Sleep;
  /** Extra attempts after the client's own retries for a transient failure of a read. @default 6 */
  transientAttempts?: number;
  /** 429s are waited out up to this many times: effectively never fail for them. @default 1000 */
  rateLimitAttempts?: number;
  /** Longest backoff between attempts (a 429's Retry-After is honoured up to 10 minutes). @default 30000 */
  maxDelayMs?: number;
  /** True once waiting is pointless (Ctrl-C): a 429 wait then ends within 5 s and the 429 is thrown. @default never */
  stop?: () => boolean;
}

const TRANSIENT = new Set(["CORE_SERVER", "CORE_NETWORK", "CORE_TIMEOUT"]);

/**
 * Calls `fn` until it succeeds. A 429 (`CORE_RATE_LIMITED`, already retried by the client) is
 * waited out again, honouring Retry-After, so an apply never fails for rate limiting. When
 * `readOnly`, transient failures (5xx, network, timeout) are retried a few more times with
 * exponential backoff. Anything else, and any failure of a create, is thrown to the caller.
 */
export async function withRetries<T>(fn: () => Promise<T>, policy: RetryPolicy, readOnly: boolean): Promise<T> {
  const maxDelay = policy.maxDelayMs ?? 30_000;
  let transient = 0;
  let limited = 0;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof QacRateLimitedError && limited < (policy.rateLimitAttempts ?? 1000)) {
        limited += 1;
        // Retry-After is honoured as given (asking earlier only earns another 429), up to 10 minutes.
        const wait =
          error.retryAfterMs !== null ? Math.min(600_000, error.retryAfterMs) : Math.min(maxDelay, backoff(limited));
        if (!policy.stop) await policy.sleep(wait);
        // In slices, so Ctrl-C is not kept waiting for minutes (a 429 was not processed: giving up is safe).
        else for (let left = wait; left > 0 && !policy.stop(); left -= 5000) await policy.sleep(Math.min(5000, left));
        if (policy.stop?.()) throw error;
        continue;
      }
      if (readOnly && isQacError(error) && TRANSIENT.has(error.code) && transient < (policy.transientAttempts ?? 6)) {
        transient += 1;
        await policy.sleep(Math.min(maxDelay, backoff(transient)));
        continue;
      }
      throw error;
    }
  }
}

/** 500 ms doubling per attempt, capped at 30 s. */
export function backoff(attempt: number): number {
  return Math.min(30_000, 500 * 2 ** (attempt - 1));
}
