import { describe, expect, it } from "vitest";
import {
  isRetryable,
  newRetryState,
  parseRetryAfter,
  resolveRetry,
  retryDelay,
  RETRY_DEFAULTS,
  waitUnlessAborted,
  type ResolvedRetry,
} from "./retry.js";
import { QacError, QacRateLimitedError } from "./errors.js";
import { ROUTES } from "./endpoints.js";

const get = ROUTES["GET /api/v2/projects/{ProjectId}/testruns"];
const create = ROUTES["POST /api/v2/projects/{ProjectId}/testruns"];
const search = ROUTES["POST /api/v2/projects/{ProjectId}/tests/search"];
const err = (code: QacError["code"], status?: number) =>
  new QacError(code, "x", status === undefined ? {} : { status });

describe("parseRetryAfter", () => {
  it("reads delay-seconds", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter(" 0 ")).toBe(0);
  });
  it("reads an HTTP date relative to now, never negative", () => {
    const now = Date.parse("Sat, 28 Nov 2026 10:00:00 GMT");
    expect(parseRetryAfter("Sat, 28 Nov 2026 10:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Sat, 28 Nov 2026 09:00:00 GMT", now)).toBe(0);
  });
  it("gives null for absent or unreadable values", () => {
    expect(parseRetryAfter(undefined)).toBeNull();
    expect(parseRetryAfter("soon")).toBeNull();
  });
});

describe("isRetryable", () => {
  it("retries GETs and search POSTs on 429, 502/503/504, network errors and timeouts", () => {
    for (const meta of [get, search]) {
      expect(isRetryable(err("CORE_RATE_LIMITED", 429), meta, false)).toBe(true);
      for (const s of [502, 503, 504]) expect(isRetryable(err("CORE_SERVER", s), meta, false)).toBe(true);
      expect(isRetryable(err("CORE_NETWORK"), meta, false)).toBe(true);
      expect(isRetryable(err("CORE_TIMEOUT"), meta, false)).toBe(true);
    }
  });
  it("does not retry a 500, a 4xx or an invalid body", () => {
    for (const e of [
      err("CORE_SERVER", 500),
      err("CORE_NOT_FOUND", 404),
      err("CORE_AUTH", 401),
      err("CORE_INVALID_RESPONSE", 200),
    ]) {
      expect(isRetryable(e, get, false)).toBe(false);
    }
  });
  it("retries a create only when the server certainly did nothing", () => {
    expect(isRetryable(err("CORE_RATE_LIMITED", 429), create, false)).toBe(true);
    expect(isRetryable(err("CORE_NETWORK"), create, true)).toBe(true);
    expect(isRetryable(err("CORE_NETWORK"), create, false)).toBe(false);
    expect(isRetryable(err("CORE_TIMEOUT"), create, false)).toBe(false);
    expect(isRetryable(err("CORE_SERVER", 503), create, false)).toBe(false);
  });
});

describe("retryDelay", () => {
  const retry = resolveRetry({ baseDelayMs: 100, maxDelayMs: 1000, maxAttempts: 6, random: () => 0.999 });
  const delays = (r: ResolvedRetry, errors: QacError[], now = 0) => {
    const state = newRetryState();
    return errors.map((e) => retryDelay(e, state, r, now));
  };
  it("backs off exponentially under a cap with equal jitter (never below half the ceiling)", () => {
    expect(
      delays(
        retry,
        Array.from({ length: 5 }, () => err("CORE_NETWORK")),
      ),
    ).toEqual([99, 199, 399, 799, 999]);
    expect(delays({ ...retry, random: () => 0 }, [err("CORE_NETWORK"), err("CORE_NETWORK")])).toEqual([50, 100]);
  });
  it("gives up once maxAttempts attempts have failed: attempt 6 of 6 gets no delay", () => {
    expect(
      delays(
        retry,
        Array.from({ length: 6 }, () => err("CORE_NETWORK")),
      ).at(-1),
    ).toBeNull();
  });
  it("waits exactly the Retry-After of a 429, without spending attempts, and gives up past the single-wait cap", () => {
    const limited = (ms: number | null) => new QacRateLimitedError("x", ms, {});
    expect(
      delays(
        retry,
        Array.from({ length: 20 }, () => limited(2500)),
      ),
    ).toEqual(Array(20).fill(2500));
    expect(delays(retry, [limited(600_001)])).toEqual([null]);
  });
  it("waits 429s out until the total budget, and never past the deadline", () => {
    const limited = new QacRateLimitedError("x", 1000, {});
    expect(delays({ ...retry, rateLimitWaitMs: 2500 }, [limited, limited, limited])).toEqual([1000, 1000, null]);
    expect(delays({ ...retry, deadline: 1500 }, [limited, limited], 1000)).toEqual([null, null]);
    expect(delays({ ...retry, deadline: 1500 }, [err("CORE_NETWORK")], 1000)).toEqual([99]);
  });
  it("with retry: false makes one attempt and does not wait out a 429", () => {
    const off = resolveRetry(false);
    expect(off.maxAttempts).toBe(1);
    expect(delays(off, [new QacRateLimitedError("x", 0, {})])).toEqual([null]);
    expect(delays(off, [err("CORE_NETWORK")])).toEqual([null]);
  });
  it("has the documented defaults: 8 attempts, 0.5 s doubling to 30 s, 429s waited up to 15 minutes", () => {
    expect(RETRY_DEFAULTS).toEqual({
      maxAttempts: 8,
      baseDelayMs: 500,
      maxDelayMs: 30_000,
      maxRetryAfterMs: 600_000,
      rateLimitWaitMs: 900_000,
    });
  });
  it("rejects a nonsensical policy as CORE_CONFIG", () => {
    expect(() => resolveRetry({ maxAttempts: 0 })).toThrow(/retry.maxAttempts/);
    expect(() => resolveRetry({ deadline: Number.NaN })).toThrow(/retry.deadline/);
    expect(resolveRetry({ rateLimitWaitMs: Infinity }).rateLimitWaitMs).toBe(Infinity);
  });
});

describe("waitUnlessAborted", () => {
  it("ends a wait as soon as the signal aborts, and does not start one after", async () => {
    const controller = new AbortController();
    const never = () => new Promise<void>(() => undefined);
    const waiting = waitUnlessAborted(60_000, never, controller.signal);
    controller.abort();
    expect(await waiting).toBe(false);
    expect(await waitUnlessAborted(1, () => Promise.resolve(), controller.signal)).toBe(false);
    expect(await waitUnlessAborted(1, () => Promise.resolve(), undefined)).toBe(true);
  });
});
