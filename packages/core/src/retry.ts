import { QacError, QacRateLimitedError } from "./errors.js";
import type { RouteMeta } from "./endpoints.js";

/** Retry policy of the client. */
export interface RetryOptions {
  /** Attempts per request including the first. @default 4 */
  maxAttempts?: number;
  /** First backoff ceiling; doubles per attempt (full jitter: a random delay below it). @default 250 */
  baseDelayMs?: number;
  /** Backoff ceiling. @default 8000 */
  maxDelayMs?: number;
  /** Longest `Retry-After` the client waits for; a longer one is thrown as CORE_RATE_LIMITED. @default 60000 */
  maxRetryAfterMs?: number;
  /** Waits between attempts; inject a fake in tests. @default setTimeout-based */
  sleep?: (ms: number) => Promise<void>;
  /** Random source in [0, 1) for the jitter. @default Math.random */
  random?: () => number;
}

/** {@link RetryOptions} with defaults applied. */
export type ResolvedRetry = Required<RetryOptions>;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Applies defaults and validates; `false` means one attempt. */
export function resolveRetry(options: RetryOptions | false | undefined): ResolvedRetry {
  const o = options === false ? { maxAttempts: 1 } : (options ?? {});
  const int = (key: keyof RetryOptions, value: unknown, fallback: number, min: number): number => {
    if (value === undefined) return fallback;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
      throw new QacError(
        "CORE_CONFIG",
        `createClient: option \`retry.${key}\` is invalid; expected an integer >= ${min}.`,
      );
    }
    return value;
  };
  if (o.sleep !== undefined && typeof o.sleep !== "function")
    throw new QacError(
      "CORE_CONFIG",
      "createClient: option `retry.sleep` is invalid; expected a function (ms) => Promise<void>.",
    );
  if (o.random !== undefined && typeof o.random !== "function")
    throw new QacError(
      "CORE_CONFIG",
      "createClient: option `retry.random` is invalid; expected a function returning [0, 1).",
    );
  return {
    maxAttempts: int("maxAttempts", o.maxAttempts, 4, 1),
    baseDelayMs: int("baseDelayMs", o.baseDelayMs, 250, 0),
    maxDelayMs: int("maxDelayMs", o.maxDelayMs, 8_000, 0),
    maxRetryAfterMs: int("maxRetryAfterMs", o.maxRetryAfterMs, 60_000, 0),
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

/**
 * Delay before attempt `attempt + 1`, or null to give up. Exponential backoff with full jitter;
 * a 429's Retry-After is honoured as given, and one longer than `maxRetryAfterMs` ends retrying.
 */
export function retryDelay(error: QacError, attempt: number, retry: ResolvedRetry): number | null {
  if (attempt >= retry.maxAttempts) return null;
  if (error instanceof QacRateLimitedError && error.retryAfterMs !== null) {
    return error.retryAfterMs > retry.maxRetryAfterMs ? null : error.retryAfterMs;
  }
  const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(retry.random() * ceiling);
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
