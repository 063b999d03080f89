import { afterEach, describe, expect, it } from "vitest";
import type { SeedDocument } from "../seed/seed-document.js";
import { createSimulator, type Simulator, type SimulatorOptions } from "../start-simulator.js";
import { basic, call, type Row } from "../test-support/call.js";

const RUNS = "/api/v2/projects/1001/testruns";
const TOKEN = "7a7a7a7a-0000-4000-8000-000000000102";
let sim: Simulator;
afterEach(() => sim.close());

/** A tenant whose project has its own item status and custom field, and tests reporting NA. */
const seed: SeedDocument = {
  version: 1,
  clock_start: "2026-12-01T09:00:00Z",
  simulation: { pickup_delay_seconds: 1, speed: 1 },
  users: [
    { id: 1, email: "demo@qac.example", password: "demo", first_name: "D", last_name: "D", rights: { "1001": "full" } },
  ],
  hosts: [
    { id: 101, host_name: "agent", agents: ["junit"] },
    { id: 102, host_name: "real", agents: ["junit"], simulated_agent: false, security_token: TOKEN },
  ],
  projects: [
    {
      id: 1001,
      name: "Web Shop",
      item_statuses: ["Passed with warnings"],
      test_custom_fields: ["Component", "Risk"],
      tests: [
        {
          id: 1,
          title: "login",
          outcome: "pass",
          duration_seconds: 10,
          automations: ["junit"],
          custom_fields: { Component: "Accounts" },
        },
        { id: 2, title: "legacy browser", outcome: "na", duration_seconds: 5, automations: ["junit"] },
        { id: 3, title: "slow pay", outcome: "Passed with warnings", duration_seconds: 20, automations: ["junit"] },
        { id: 4, title: "look around", automated: false },
      ],
      test_sets: [{ id: 10, title: "mixed", items: [{ test_id: 1 }, { test_id: 2 }, { test_id: 3 }] }],
      configurations: [{ id: 801, title: "Chrome / Windows 11" }],
    },
  ],
};
const start = (options: SimulatorOptions = {}) =>
  (sim = createSimulator({ clock: "virtual", seed, irregularRuns: true, ...options }));
const post = async (body: Record<string, unknown>) =>
  (await call(sim, "POST", RUNS, { body })).body as Row & { id: number };

describe("irregular run objects (irregularRuns; reference §13, a captured SaaS response)", () => {
  it("leaves test_config_id and configuration_name out of a run without a configuration", async () => {
    start();
    const bare = await post({ TestId: 1, RunByHostId: 101 });
    const configured = await post({ TestId: 1, RunByHostId: 101, TestConfigId: 801, ForceNewRunCreation: true });
    expect(bare).not.toHaveProperty("test_config_id");
    expect(bare).not.toHaveProperty("configuration_name");
    expect(configured).toMatchObject({ test_config_id: 801, configuration_name: "Chrome / Windows 11" });
    const one = (await call(sim, "GET", `${RUNS}/${bare.id}`)).body;
    expect(Object.keys(one)).not.toContain("test_config_id");
    const empty = await call(sim, "GET", `${RUNS}?Filter=${encodeURIComponent("TestConfigId is empty")}`);
    expect(empty.body.results.map((r: Row) => [r.id, "configuration_name" in r])).toEqual([[bare.id, false]]);
  });

  it("keeps both fields, 0 and empty, without irregularRuns", async () => {
    start({ irregularRuns: false });
    expect(await post({ TestId: 1, RunByHostId: 101 })).toMatchObject({ test_config_id: 0, configuration_name: "" });
  });

  it("sends test_host as an empty string for a manual run", async () => {
    start();
    expect(await post({ TestId: 4 })).toMatchObject({ test_host: "", execution_type: "Manual" });
  });

  it("reports NA and the project's own statuses, counted in nbr_tests only; the run still passes", async () => {
    start();
    const run = await post({ TestSetId: 10, RunByHostId: 101 });
    await sim.clock.advance(3600_000);
    expect(sim.runs.items(run.id).map((i) => i.status_code)).toEqual(["Passed", "NA", "Passed with warnings"]);
    const done = (await call(sim, "GET", `${RUNS}/${run.id}`)).body;
    expect(done).toMatchObject({ status_code: "Passed", nbr_tests: 3, nbr_passed: 1, nbr_failed: 0, nbr_blocked: 0 });
    expect(done.nbr_passed + done.nbr_failed + done.nbr_blocked + done.nbr_awaiting_run).toBeLessThan(done.nbr_tests);
  });

  it("accepts NA and the project's statuses in item PATCH, only the standard ones without irregularRuns", async () => {
    start();
    const run = await post({ TestId: 4 });
    const item = `${RUNS}/${run.id}/items/${sim.runs.items(run.id)[0]!.id}`;
    expect((await call(sim, "PATCH", item, { body: { StatusCode: "na" } })).body.status_code).toBe("NA");
    expect((await call(sim, "PATCH", item, { body: { StatusCode: "PASSED WITH WARNINGS" } })).body.status_code).toBe(
      "Passed with warnings",
    );
    await sim.close();
    start({ irregularRuns: false });
    const lenient = await post({ TestId: 4 });
    const res = await call(sim, "PATCH", `${RUNS}/${lenient.id}/items/${sim.runs.items(lenient.id)[0]!.id}`, {
      body: { StatusCode: "NA" },
    });
    expect([res.status, res.body.Message]).toEqual([
      400,
      expect.stringMatching(/^StatusCode 'NA' is not an item status/),
    ]);
  });

  it("lets a real agent report NA", async () => {
    start();
    const run = await post({ TestId: 1, RunByHostId: 102 });
    const res = await call(sim, "PATCH", `/automation/v2/hosts/102/runs/${run.id}/items/1`, {
      as: null,
      headers: { authorization: basic("102", TOKEN) },
      body: { status: "NA", date_started: "2026-12-01T09:00:00" },
    });
    expect([res.status, sim.runs.get(run.id)?.status_code]).toEqual([200, "Passed"]);
  });

  it("sends test custom fields with string ids", async () => {
    start();
    expect((await call(sim, "GET", "/api/v1/projects/1001/tests/1")).body.custom_fields).toEqual([
      { Id: "Custom1", Name: "Component", Value: "Accounts" },
      { Id: "Custom2", Name: "Risk", Value: null },
    ]);
  });
});
