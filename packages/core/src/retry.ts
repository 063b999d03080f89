import { QacError, QacRateLimitedError } from "./errors.js";
import type { RouteMeta } from "./endpoints.js";

/**
 * Retry policy of the client: the one place qac decides when a request is repeated and how long
 * it waits. Transient failures (502/503/504, network errors, timeouts) cost attempts; 429s do not:
 * they are waited out, honouring `Retry-After`, until `rateLimitWaitMs`, the `deadline` or the
 * client's abort signal says stop.
 */
export interface RetryOptions {
  /** Attempts per request for transient failures, including the first. @default 8 */
  maxAttempts?: number;
  /**
   * Backoff ceiling of the first retry; doubles per attempt (equal jitter: between half and all of it).
   * @default 500
   */
  baseDelayMs?: number;
  /** Largest backoff ceiling. @default 30000 */
  maxDelayMs?: number;
  /** Longest single `Retry-After` honoured; a longer one ends retrying (CORE_RATE_LIMITED). @default 600000 */
  maxRetryAfterMs?: number;
  /**
   * Total time one request keeps waiting out 429s; `Infinity` waits until the deadline or abort, 0 never waits.
   * @default 900000
   */
  rateLimitWaitMs?: number;
  /** Epoch ms after which no wait starts (the command's deadline). @default none */
  deadline?: number;
  /** Waits between attempts; inject a fake in tests. @default setTimeout-based */
  sleep?: (ms: number) => Promise<void>;
  /** Random source in [0, 1) for the jitter. @default Math.random */
  random?: () => number;
}

/** {@link RetryOptions} with defaults applied (`deadline` stays optional). */
export type ResolvedRetry = Required<Omit<RetryOptions, "deadline">> & { deadline: number | undefined };

/** The defaults, stated once: README and tests read them from here. */
export const RETRY_DEFAULTS = {
  maxAttempts: 8,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 600_000,
  rateLimitWaitMs: 900_000,
} as const;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Applies defaults and validates; `false` means one attempt and no 429 waiting. */
export function resolveRetry(options: RetryOptions | false | undefined): ResolvedRetry {
  const o: RetryOptions = options === false ? { maxAttempts: 1, rateLimitWaitMs: 0 } : (options ?? {});
  const num = (key: keyof typeof RETRY_DEFAULTS, min: number, infinite = false): number => {
    const value = o[key];
    if (value === undefined) return RETRY_DEFAULTS[key];
    const ok = typeof value === "number" && (Number.isSafeInteger(value) || (infinite && value === Infinity));
    if (!ok || value < min)
      throw new QacError(
        "CORE_CONFIG",
        `createClient: option \`retry.${key}\` is invalid; expected an integer >= ${min}.`,
      );
    return value;
  };
  if (o.sleep !== undefined && typeof o.sleep !== "function")
    throw new QacError("CORE_CONFIG", "createClient: option `retry.sleep` is invalid; expected (ms) => Promise<void>.");
  if (o.random !== undefined && typeof o.random !== "function")
    throw new QacError("CORE_CONFIG", "createClient: option `retry.random` is invalid; expected a function.");
  if (o.deadline !== undefined && !Number.isFinite(o.deadline))
    throw new QacError("CORE_CONFIG", "createClient: option `retry.deadline` is invalid; expected epoch milliseconds.");
  return {
    maxAttempts: num("maxAttempts", 1),
    baseDelayMs: num("baseDelayMs", 0),
    maxDelayMs: num("maxDelayMs", 0),
    maxRetryAfterMs: num("maxRetryAfterMs", 0),
    rateLimitWaitMs: num("rateLimitWaitMs", 0, true),
    deadline: o.deadline,
    sleep: o.sleep ?? realSleep,
    random: o.random ?? Math.random,
  };
}

const TRANSIENT_STATUS = new Set([502, 503, 504]);

/**
 * Whether a failed attempt may be repeated, for a route with `meta`. `notSent` is true when the
 * failure happened before any byte of the request left (connection refused, DNS, connect timeout).
 */
export function isRetryable(error: QacError, meta: RouteMeta, notSent: boolean): boolean {
  // A 429 is answered before the server acts and a request that never left cannot have acted, so
  // both are known non-outcomes and are safe to repeat even for a create.
  if (error.code === "CORE_RATE_LIMITED" || (error.code === "CORE_NETWORK" && notSent)) return true;
  if (!meta.safe) return false;
  if (error.code === "CORE_NETWORK" || error.code === "CORE_TIMEOUT") return true;
  return error.code === "CORE_SERVER" && error.status !== undefined && TRANSIENT_STATUS.has(error.status);
}

/** What one request has spent on retries so far. */
export interface RetryState {
  /** Failed attempts that were not 429s. */
  failures: number;
  /** 429s seen. */
  rateLimits: number;
  /** Time spent waiting out 429s, in ms. */
  rateLimitedMs: number;
}

/** A fresh {@link RetryState}. */
export const newRetryState = (): RetryState => ({ failures: 0, rateLimits: 0, rateLimitedMs: 0 });

/** Exponential ceiling of retry `n` (1-based) with equal jitter: never less than half the ceiling. */
function backoff(n: number, retry: ResolvedRetry): number {
  const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (n - 1));
  return Math.floor(ceiling / 2 + retry.random() * (ceiling / 2));
}

/**
 * A retryable failure as the policy sees it: a 429 (with its Retry-After, if any) or a transient
 * failure. A `QacError` converts itself; other HTTP clients (the status server's) describe theirs.
 */
export type RetryFailure = { rateLimited: true; retryAfterMs: number | null } | { rateLimited: false };

const asFailure = (error: QacError | RetryFailure): RetryFailure =>
  error instanceof QacRateLimitedError
    ? { rateLimited: true, retryAfterMs: error.retryAfterMs }
    : error instanceof QacError
      ? { rateLimited: false }
      : error;

/**
 * Delay before the next attempt after a retryable failure, or null to give up. Records the
 * attempt in `state`. A 429 waits its `Retry-After` (else the backoff) while the 429 budget, the
 * longest single wait and the deadline allow; any other failure counts against `maxAttempts`.
 */
export function retryDelay(
  failure: QacError | RetryFailure,
  state: RetryState,
  retry: ResolvedRetry,
  nowMs: number,
): number | null {
  const error = asFailure(failure);
  let delay: number;
  if (error.rateLimited) {
    state.rateLimits += 1;
    delay = error.retryAfterMs ?? backoff(state.rateLimits, retry);
    if (
      retry.rateLimitWaitMs === 0 ||
      delay > retry.maxRetryAfterMs ||
      state.rateLimitedMs + delay > retry.rateLimitWaitMs
    )
      return null;
    state.rateLimitedMs += delay;
  } else {
    state.failures += 1;
    if (state.failures >= retry.maxAttempts) return null;
    delay = backoff(state.failures, retry);
  }
  if (retry.deadline !== undefined && nowMs + delay > retry.deadline) return null;
  return delay;
}

/** Sleeps `ms` with `sleep`, ending early (false) when `signal` aborts; true when the wait ran out. */
export async function waitUnlessAborted(
  ms: number,
  sleep: (ms: number) => Promise<void>,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  if (signal === undefined) return (await sleep(ms), true);
  if (signal.aborted) return false;
  let onAbort = (): void => undefined;
  const aborted = new Promise<false>((resolve) => {
    onAbort = () => resolve(false);
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([sleep(ms).then(() => !signal.aborted), aborted]);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}

/**
 * Parses `Retry-After` (delay-seconds or an HTTP date) into ms from `nowMs`; null when absent or
 * unreadable. A date in the past means "now" (0).
 */
export function parseRetryAfter(value: string | undefined, nowMs: number = Date.now()): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}
