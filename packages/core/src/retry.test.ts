import { describe, expect, it } from "vitest";
import { isRetryable, parseRetryAfter, resolveRetry, retryDelay } from "./retry.js";
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
  it("backs off exponentially under a cap with full jitter", () => {
    expect([1, 2, 3, 4, 5].map((a) => retryDelay(err("CORE_NETWORK"), a, retry))).toEqual([99, 199, 399, 799, 999]);
    expect(retryDelay(err("CORE_NETWORK"), 1, { ...retry, random: () => 0 })).toBe(0);
  });
  it("stops after maxAttempts", () => {
    expect(retryDelay(err("CORE_NETWORK"), 6, retry)).toBeNull();
  });
  it("waits exactly the Retry-After of a 429 and gives up when it exceeds the cap", () => {
    expect(retryDelay(new QacRateLimitedError("x", 2500, {}), 1, retry)).toBe(2500);
    expect(retryDelay(new QacRateLimitedError("x", 120_000, {}), 1, retry)).toBeNull();
  });
  it("rejects a nonsensical policy as CORE_CONFIG", () => {
    expect(() => resolveRetry({ maxAttempts: 0 })).toThrow(/retry.maxAttempts/);
    expect(resolveRetry(false).maxAttempts).toBe(1);
  });
});
