import { afterEach, describe, expect, it } from "vitest";
import type { SeedDocument } from "../seed/seed-document.js";
import { createSimulator, type Simulator } from "../start-simulator.js";
import { call } from "../test-support/call.js";

const RUNS = "/api/v2/projects/1001/testruns";
let sim: Simulator;
afterEach(() => sim.close());

/** A tiny tenant: pickup after 2 s, tests of known outcome and duration, speed 1. */
function seed(): SeedDocument {
  return {
    version: 1,
    clock_start: "2026-12-01T09:00:00Z",
    simulation: { pickup_delay_seconds: 2, speed: 1 },
    users: [
      {
        id: 1,
        email: "demo@qac.example",
        password: "demo",
        first_name: "Dana",
        last_name: "Demo",
        rights: { "1001": "full" },
      },
    ],
    hosts: [{ id: 101, host_name: "agent", agents: ["JUnit (Selenium)"] }],
    projects: [
      {
        id: 1001,
        name: "Web Shop",
        tests: [
          { id: 1, title: "login", outcome: "pass", duration_seconds: 10, automations: ["junit"] },
          { id: 2, title: "pay", outcome: "fail", duration_seconds: 20, automations: ["junit"] },
          { id: 3, title: "receipt", outcome: "pass", duration_seconds: 30, automations: ["junit"] },
          { id: 4, title: "search", outcome: "skip", duration_seconds: 5, automations: ["junit"] },
          { id: 5, title: "flaky env", outcome: "block", duration_seconds: 5, automations: ["junit"] },
          { id: 6, title: "look around", automated: false },
        ],
        test_sets: [
          {
            id: 10,
            title: "stop on fail",
            is_sequential: true,
            items: [{ test_id: 1 }, { test_id: 2, is_stopped_on_fail: true }, { test_id: 3 }],
          },
          { id: 11, title: "with skip", items: [{ test_id: 1 }, { test_id: 4 }] },
          { id: 12, title: "blocked", items: [{ test_id: 1 }, { test_id: 5 }] },
          { id: 13, title: "no stop", items: [{ test_id: 2, is_stopped_on_fail: true }, { test_id: 3 }] },
          {
            id: 14,
            title: "manual in the middle",
            is_sequential: true,
            items: [{ test_id: 1 }, { test_id: 6 }, { test_id: 3 }],
          },
        ],
      },
    ],
  };
}

async function create(body: object) {
  const res = await call(sim, "POST", RUNS, { body: { RunByHostId: 101, ...body } });
  expect(res.status).toBe(200);
  return res.body.id as number;
}
const statuses = (runId: number) => sim.runs.items(runId).map((i) => i.status_code);

describe("run lifecycle under the virtual clock (reference §11.6, §11.2)", () => {
  it("moves an automated run Awaiting Run → In Progress → Passed with counters, dates and run time", async () => {
    sim = createSimulator({ clock: "virtual", seed: seed() });
    const id = await create({ TestId: 1 });
    await sim.clock.advance(1999);
    expect(sim.runs.get(id)!.status_code).toBe("Awaiting Run");
    await sim.clock.advance(1);
    expect(sim.runs.get(id)).toMatchObject({
      status_code: "In Progress",
      date_started: "2026-12-01T09:00:02.0000000",
      nbr_awaiting_run: 1,
    });
    await sim.clock.advance(10_000);
    expect(sim.runs.get(id)).toMatchObject({
      status_code: "Passed",
      nbr_tests: 1,
      nbr_passed: 1,
      nbr_awaiting_run: 0,
      run_time: 10,
      run_time_formated: "00:00:10",
      date_finished: "2026-12-01T09:00:12.0000000",
    });
    expect(sim.runs.items(id)[0]).toMatchObject({
      status_code: "Passed",
      run_time: 10,
      date_finished: "2026-12-01T09:00:12.0000000",
    });
  });

  it("blocks the rest of a sequential run after a stop-on-fail failure and ends Failed", async () => {
    sim = createSimulator({ clock: "virtual", seed: seed() });
    const id = await create({ TestSetId: 10 });
    await sim.clock.advance(2000 + 10_000);
    expect(statuses(id)).toEqual(["Passed", "Awaiting Run", "Awaiting Run"]);
    expect(sim.runs.get(id)!.status_code).toBe("In Progress");
    await sim.clock.advance(20_000);
    expect(statuses(id)).toEqual(["Passed", "Failed", "Blocked"]);
    expect(sim.runs.get(id)).toMatchObject({
      status_code: "Failed",
      nbr_passed: 1,
      nbr_failed: 1,
      nbr_blocked: 1,
      run_time: 30,
    });
  });

  it("does not stop a non-sequential run on a failure", async () => {
    sim = createSimulator({ clock: "virtual", seed: seed() });
    const id = await create({ TestSetId: 13 });
    await sim.clock.advance(60_000);
    expect(statuses(id)).toEqual(["Failed", "Passed"]);
  });

  it("ends Incomplete when a test is skipped and Blocked when a test is blocked", async () => {
    sim = createSimulator({ clock: "virtual", seed: seed() });
    const skipped = await create({ TestSetId: 11 });
    const blocked = await create({ TestSetId: 12 });
    await sim.clock.advance(60_000);
    expect(sim.runs.get(skipped)!.status_code).toBe("Incomplete");
    expect(statuses(skipped)).toEqual(["Passed", "Skipped"]);
    expect(sim.runs.get(blocked)).toMatchObject({ status_code: "Blocked", nbr_blocked: 1 });
  });

  it("leaves a manual run (no host) Awaiting Run however long one waits", async () => {
    sim = createSimulator({ clock: "virtual", seed: seed() });
    const res = await call(sim, "POST", RUNS, { body: { TestId: 1 } });
    await sim.clock.advance(3_600_000);
    expect(sim.runs.get(res.body.id)!.status_code).toBe("Awaiting Run");
  });

  it("waits in a sequential run on a manual item until a client sets its status", async () => {
    sim = createSimulator({ clock: "virtual", seed: seed() });
    const id = await create({ TestSetId: 14 });
    await sim.clock.advance(60_000);
    expect(statuses(id)).toEqual(["Passed", "Awaiting Run", "Awaiting Run"]);
    const manual = sim.runs.items(id)[1]!;
    const patched = await call(sim, "PATCH", `${RUNS}/${id}/items/${manual.id}`, {
      body: { StatusCode: "Passed", RunTime: 120 },
    });
    expect(patched.body).toMatchObject({ status_code: "Passed", run_time: 120, status_updated_by: 1 });
    await sim.clock.advance(30_000);
    expect(sim.runs.get(id)).toMatchObject({ status_code: "Passed", run_time: 160 });
  });

  it("derives the run status from a client's item PATCH and PUT", async () => {
    sim = createSimulator({ clock: "virtual", seed: seed() });
    const res = await call(sim, "POST", RUNS, { body: { TestSetId: 11 } });
    const [first, second] = sim.runs.items(res.body.id);
    await call(sim, "PATCH", `${RUNS}/${res.body.id}/items/${first!.id}`, { body: { StatusCode: "failed" } });
    expect((await call(sim, "GET", `${RUNS}/${res.body.id}`)).body).toMatchObject({
      status_code: "In Progress",
      nbr_failed: 1,
    });
    await call(sim, "PUT", `${RUNS}/${res.body.id}/items/${second!.id}`, { body: { StatusCode: "Passed" } });
    expect((await call(sim, "GET", `${RUNS}/${res.body.id}`)).body).toMatchObject({
      status_code: "Failed",
      nbr_failed: 1,
      nbr_passed: 1,
    });
  });

  it("refuses an item PATCH without StatusCode or with an unknown status", async () => {
    sim = createSimulator({ clock: "virtual", seed: seed() });
    const res = await call(sim, "POST", RUNS, { body: { TestId: 1 } });
    const item = sim.runs.items(res.body.id)[0]!;
    expect((await call(sim, "PATCH", `${RUNS}/${res.body.id}/items/${item.id}`, { body: {} })).status).toBe(400);
    const bad = await call(sim, "PATCH", `${RUNS}/${res.body.id}/items/${item.id}`, { body: { StatusCode: "Done" } });
    expect(bad.body.Message).toBe(
      "StatusCode 'Done' is not an item status; use one of Awaiting Run, Passed, Failed, Blocked, Skipped",
    );
    expect(
      (await call(sim, "PATCH", `${RUNS}/${res.body.id}/items/999999`, { body: { StatusCode: "Passed" } })).status,
    ).toBe(404);
  });

  it("gives the same history for the same seed", async () => {
    const history = async () => {
      sim = createSimulator({ clock: "virtual" });
      const id = (await call(sim, "POST", RUNS, { body: { TestSetId: 6105, RunByHostId: 101 } })).body.id;
      await sim.clock.advance(600_000);
      const out = JSON.stringify([sim.runs.get(id), sim.runs.items(id)]);
      await sim.close();
      return out;
    };
    const first = await history();
    expect(await history()).toBe(first);
  });

  it("plays the demo seed's history: finished runs done, the in-progress run continues", async () => {
    sim = createSimulator({ clock: "virtual" });
    expect(sim.runs.get(120001)).toMatchObject({ status_code: "Failed", nbr_blocked: 1 });
    expect(sim.runs.get(120005)!.status_code).toBe("Awaiting Run");
    expect(sim.runs.get(120006)!.status_code).toBe("In Progress");
    await sim.clock.advance(3_600_000);
    expect(["Passed", "Failed", "Blocked", "Incomplete"]).toContain(sim.runs.get(120006)!.status_code);
  });

  it("stops starting tests on an inactive host and continues when it is back", async () => {
    sim = createSimulator({ clock: "virtual", seed: seed() });
    const id = await create({ TestSetId: 10 });
    sim.hosts.setActive(101, false);
    await sim.clock.advance(60_000);
    expect(sim.runs.get(id)!.status_code).toBe("In Progress");
    expect(statuses(id)).toEqual(["Awaiting Run", "Awaiting Run", "Awaiting Run"]);
    sim.hosts.setActive(101, true);
    await sim.clock.advance(60_000);
    expect(sim.runs.get(id)!.status_code).toBe("Failed");
  });
});
