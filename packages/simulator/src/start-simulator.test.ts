import { describe, expect, it } from "vitest";
import type { DuplicateRunMode } from "./runs/create-run.js";
import { createSimulator, startSimulator } from "./start-simulator.js";
import { basic } from "./test-support/call.js";

describe("startSimulator options", () => {
  it.each([
    [{ clock: "fast" as "real" }, 'clock must be "real" or "virtual", got fast'],
    [
      { duplicateRunMode: "reuse" as DuplicateRunMode },
      "duplicateRunMode must be one of same-test, full-key, error, full-key-error, got reuse",
    ],
    [{ port: 70_000 }, "port must be a whole number 0..65535, got 70000"],
  ])("refuses %j with SIM_OPTIONS", (options, message) => {
    expect(() => createSimulator(options)).toThrow(
      expect.objectContaining({ name: "SimulatorError", code: "SIM_OPTIONS", message }),
    );
  });

  it("binds to 127.0.0.1 unless told otherwise", async () => {
    const sim = await startSimulator({ clock: "virtual" });
    try {
      expect(sim.app.server.address()).toMatchObject({ address: "127.0.0.1" });
      expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await sim.close();
    }
  });

  it("turns every strict behaviour on with strict: true, and lets individual options override", async () => {
    const sim = await startSimulator({ strict: true, maxPageSize: 5, clock: "virtual" });
    const lenient = await startSimulator({
      strict: true,
      irregularRuns: false,
      strictFilters: false,
      clock: "virtual",
    });
    try {
      const get = (s: typeof sim, path: string, init: RequestInit = {}) =>
        fetch(`${s.url}/rest-api/service/api/v2/projects/1001${path}`, {
          ...init,
          headers: { authorization: basic("demo@qac.example", "demo"), "content-type": "application/json" },
        });
      const page = (await (await get(sim, "/tests?limit=1000")).json()) as { results: unknown[] };
      expect(page.results).toHaveLength(5);
      const refused = await get(sim, `/testruns?Filter=${encodeURIComponent("StatusCode in {'Passed'}")}`);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toHaveProperty("ResponseStatus.ErrorCode", "ArgumentException");
      const run = (await (await get(sim, "/testruns", { method: "POST", body: '{"TestId":3101}' })).json()) as object;
      expect(run).not.toHaveProperty("test_config_id");

      expect((await get(lenient, `/testruns?Filter=${encodeURIComponent("StatusCode in {'Passed'}")}`)).status).toBe(
        200,
      );
      const regular = (await (
        await get(lenient, "/testruns", { method: "POST", body: '{"TestId":3101}' })
      ).json()) as object;
      expect(regular).toHaveProperty("test_config_id", 0);
      expect(((await (await get(lenient, "/tests?limit=1000")).json()) as { results: unknown[] }).results).toHaveLength(
        25,
      );
    } finally {
      await sim.close();
      await lenient.close();
    }
  });
});

describe("startSimulator speed", () => {
  it("runs tests faster than their nominal durations with speed, still reporting the nominal run time", async () => {
    const at = (speed: number) => createSimulator({ clock: "virtual", speed });
    const run = async (sim: ReturnType<typeof createSimulator>) => {
      const res = await sim.app.inject({
        method: "POST",
        url: "/rest-api/service/api/v2/projects/1001/testruns",
        headers: { authorization: `Basic ${btoa("demo@qac.example:demo")}`, "content-type": "application/json" },
        payload: { TestId: 3141, RunByHostId: 101, ForceNewRunCreation: true },
      });
      return res.json<{ id: number }>().id;
    };
    const slow = at(1);
    const fast = at(1000);
    const [slowRun, fastRun] = [await run(slow), await run(fast)];
    // Test 3141 takes 14 s nominally: after 3.1 s of (virtual) time only the fast one has finished.
    await slow.clock.advance(3_100);
    await fast.clock.advance(3_100);
    expect(slow.runs.get(slowRun)?.status_code).toMatch(/^(Awaiting Run|In Progress)$/);
    expect(fast.runs.get(fastRun)).toMatchObject({ status_code: "Passed", run_time: 14 });
    expect(() => createSimulator({ speed: 0 })).toThrow(/speed must be a number above 0/);
  });
});
