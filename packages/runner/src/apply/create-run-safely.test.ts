import { describe, expect, it } from "vitest";
import { QacError, QacRateLimitedError } from "@qac/core";
import type { DesiredRun } from "@qac/planner";
import { createBody } from "./create-run-safely.js";
import { withRetries } from "./with-retries.js";

const run = (over: Partial<DesiredRun>): DesiredRun =>
  ({
    testId: null,
    testSetId: 6101,
    isSequential: true,
    configuration: { id: 801, name: "c", title: "C" },
    release: { id: 904, name: "r", title: "R", path: "R" },
    host: { id: 101, name: "w", hostName: "h" },
    ...over,
  }) as DesiredRun;

describe("createBody", () => {
  it("sends the set, configuration, release, host, IsSequential and ForceNewRunCreation explicitly", () => {
    expect(createBody(run({}))).toEqual({
      TestSetId: 6101,
      TestConfigId: 801,
      ReleaseId: 904,
      RunByHostId: 101,
      IsSequential: true,
      ForceNewRunCreation: true,
    });
  });

  it("sends TestId for a single test and leaves out what the plan does not name", () => {
    expect(
      createBody(
        run({
          testId: 3141 as DesiredRun["testId"],
          testSetId: null,
          isSequential: false,
          configuration: null,
          release: null,
          host: null,
        }),
      ),
    ).toEqual({ TestId: 3141, IsSequential: false, ForceNewRunCreation: true });
  });
});

describe("withRetries", () => {
  it("waits out 429s as long as it takes, honouring Retry-After", async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRetries(
      () => (++calls < 30 ? Promise.reject(new QacRateLimitedError("429", 1500, {})) : Promise.resolve("ok")),
      { sleep: (ms) => (waits.push(ms), Promise.resolve()) },
      false,
    );
    expect(result).toBe("ok");
    expect(waits).toHaveLength(29);
    expect(new Set(waits)).toEqual(new Set([1500]));
  });

  it("honours a Retry-After longer than the usual backoff cap", async () => {
    const waits: number[] = [];
    let calls = 0;
    await withRetries(
      () => (++calls < 2 ? Promise.reject(new QacRateLimitedError("429", 120_000, {})) : Promise.resolve("ok")),
      { sleep: (ms) => (waits.push(ms), Promise.resolve()) },
      false,
    );
    expect(waits).toEqual([120_000]);
  });

  it("retries transient failures of reads with backoff, but never a create", async () => {
    let reads = 0;
    await withRetries(
      () => (++reads < 3 ? Promise.reject(new QacError("CORE_SERVER", "503", { status: 503 })) : Promise.resolve(1)),
      { sleep: () => Promise.resolve() },
      true,
    );
    expect(reads).toBe(3);
    let creates = 0;
    const error = await withRetries(
      () => (++creates, Promise.reject(new QacError("CORE_SERVER", "503", { status: 503 }))),
      { sleep: () => Promise.resolve() },
      false,
    ).catch((e: unknown) => e);
    expect(creates).toBe(1);
    expect((error as QacError).code).toBe("CORE_SERVER");
  });
});
