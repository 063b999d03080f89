import { afterEach, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../start-simulator.js";
import { call } from "../test-support/call.js";

const RUNS = "/api/v2/projects/1001/testruns";
let sim: Simulator;
afterEach(() => sim.close());

const post = async (body: object) => call(sim, "POST", RUNS, { body });

describe("ForceNewRunCreation and duplicateRunMode (reference §11.1)", () => {
  it("same-test (default): returns the active run of the same set instead of a new one", async () => {
    sim = createSimulator({ clock: "virtual" });
    const first = await post({ TestSetId: 6102, RunByHostId: 102 });
    const again = await post({ TestSetId: 6102, RunByHostId: 101, TestConfigId: 802 });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(sim.runs.list(1001, "TestSetId = 6102 AND StatusCode = 'Awaiting Run'")).toHaveLength(1);
  });

  it("same-test: matches single-test runs by test, not by set", async () => {
    sim = createSimulator({ clock: "virtual" });
    const a = await post({ TestId: 3141 });
    expect((await post({ TestId: 3141 })).body.id).toBe(a.body.id);
    expect((await post({ TestId: 3142 })).body.id).not.toBe(a.body.id);
  });

  it("creates a new run once the earlier one finished", async () => {
    sim = createSimulator({ clock: "virtual" });
    const a = await post({ TestId: 3141, RunByHostId: 102 });
    await sim.clock.advance(600_000);
    expect(sim.runs.get(a.body.id)!.status_code).toBe("Passed");
    expect((await post({ TestId: 3141, RunByHostId: 102 })).body.id).not.toBe(a.body.id);
  });

  it("ForceNewRunCreation = true always creates a new run", async () => {
    sim = createSimulator({ clock: "virtual", duplicateRunMode: "error" });
    const a = await post({ TestSetId: 6102 });
    const b = await post({ TestSetId: 6102, ForceNewRunCreation: true });
    expect(b.status).toBe(200);
    expect(b.body.id).not.toBe(a.body.id);
  });

  it("full-key: reuses only when set, configuration, release and host all match", async () => {
    sim = createSimulator({ clock: "virtual", duplicateRunMode: "full-key" });
    const key = { TestSetId: 6102, TestConfigId: 801, ReleaseId: 904, RunByHostId: 102 };
    const a = await post(key);
    expect((await post(key)).body.id).toBe(a.body.id);
    expect((await post({ ...key, TestConfigId: 802 })).body.id).not.toBe(a.body.id);
    expect((await post({ ...key, ReleaseId: 903 })).body.id).not.toBe(a.body.id);
    expect((await post({ ...key, RunByHostId: 101 })).body.id).not.toBe(a.body.id);
  });

  it("error: answers 400 Test is already running", async () => {
    sim = createSimulator({ clock: "virtual", duplicateRunMode: "error" });
    await post({ TestSetId: 6102 });
    expect(await post({ TestSetId: 6102 })).toMatchObject({
      status: 400,
      body: { Message: "Test is already running" },
    });
  });

  it("full-key-error: answers 400 only when set, configuration, release and host all match", async () => {
    sim = createSimulator({ clock: "virtual", duplicateRunMode: "full-key-error" });
    const key = { TestSetId: 6102, TestConfigId: 801, ReleaseId: 904, RunByHostId: 102 };
    const first = await post(key);
    expect(first.status).toBe(200);
    expect(await post(key)).toMatchObject({ status: 400, body: { Message: "Test is already running" } });
    const otherConfig = await post({ ...key, TestConfigId: 802 });
    expect(otherConfig.status).toBe(200);
    expect(otherConfig.body.id).not.toBe(first.body.id);
  });

  it("treats the seeded In Progress run as active", async () => {
    sim = createSimulator({ clock: "virtual" });
    expect((await post({ TestSetId: 6105 })).body.id).toBe(120006);
  });
});
