import { describe, expect, it } from "vitest";
import { FaultInjector } from "./fault-injector.js";

const POST = "POST /api/v2/projects/:projectId/testruns";
const GET = "GET /api/v2/projects/:projectId/testruns";

describe("FaultInjector", () => {
  it("hits only the named route, only `times` times", () => {
    const faults = new FaultInjector();
    faults.set([{ route: POST, status: 503, times: 2 }]);
    expect(faults.decide(GET)).toEqual({ latencyMs: 0 });
    expect(faults.decide(POST)).toEqual({ latencyMs: 0, status: 503, retryAfterSeconds: 1 });
    expect(faults.decide(POST).status).toBe(503);
    expect(faults.decide(POST)).toEqual({ latencyMs: 0 });
  });

  it("draws the same faults for the same seed", () => {
    const run = (seed: number) => {
      const faults = new FaultInjector();
      faults.set(
        [
          { probability: 0.5, status: 500 },
          { latencyMs: 5, latencyJitterMs: 20 },
        ],
        seed,
      );
      return Array.from({ length: 30 }, () => JSON.stringify(faults.decide(GET)));
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
    const statuses = run(7).filter((d) => d.includes("500")).length;
    expect(statuses).toBeGreaterThan(5);
    expect(statuses).toBeLessThan(25);
  });

  it("adds latencies and stops at the first status or reset", () => {
    const faults = new FaultInjector();
    faults.set([{ latencyMs: 10 }, { route: "*", reset: "after" }, { status: 429, retryAfterSeconds: 9 }]);
    expect(faults.decide(GET)).toEqual({ latencyMs: 10, reset: "after" });
  });

  it("rejects rules that cannot be meant", () => {
    const faults = new FaultInjector();
    expect(() => faults.set([{ probability: 2 }])).toThrowError("faults[0].probability must be between 0 and 1, got 2");
    expect(() => faults.set([{ times: -1 }])).toThrow(
      expect.objectContaining({ name: "SimulatorError", code: "SIM_OPTIONS" }),
    );
    expect(() => faults.set([{ status: 418 as 429 }])).toThrowError(/faults\[0\]\.status must be one of/);
    expect(() => faults.set([{ status: 503, reset: "before" }])).toThrowError(/cannot both answer a status and reset/);
  });

  it("refuses a route the server does not have once it knows the routes, also for rules set before", () => {
    const faults = new FaultInjector();
    faults.set([{ route: "GET /nope", status: 500 }]);
    expect(() => faults.knowRoutes(new Set([POST]))).toThrowError(
      /faults\[0\]\.route "GET \/nope" is not a route of the simulator/,
    );
    faults.clear();
    faults.knowRoutes(new Set([POST]));
    expect(() =>
      faults.set([
        { route: POST, status: 500 },
        { route: "POST /api/v2/projects/:projectId/testrun", status: 500 },
      ]),
    ).toThrowError(/^faults\[1\]\.route/);
  });

  it("injects nothing after clear()", () => {
    const faults = new FaultInjector();
    faults.set([{ status: 500 }]);
    faults.clear();
    expect(faults.decide(GET)).toEqual({ latencyMs: 0 });
  });
});
