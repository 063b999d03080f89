import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SeedDocument } from "../seed/seed-document.js";
import { createSimulator, type Simulator } from "../start-simulator.js";
import { basic, call } from "../test-support/call.js";

const TOKEN = "0b0c7f0e-1111-4222-8333-944455556666";
const seed: SeedDocument = {
  version: 1,
  clock_start: "2026-12-01T09:00:00Z",
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
  hosts: [
    { id: 201, host_name: "real-agent", security_token: TOKEN, simulated_agent: false },
    { id: 202, host_name: "other-agent", security_token: "another-token", simulated_agent: false },
  ],
  projects: [
    {
      id: 1001,
      name: "Web Shop",
      tests: [
        { id: 1, title: "login" },
        { id: 2, title: "pay" },
      ],
      test_sets: [
        {
          id: 10,
          title: "smoke",
          is_sequential: true,
          items: [{ test_id: 1 }, { test_id: 2, is_stopped_on_fail: true }],
        },
      ],
    },
  ],
};

let sim: Simulator;
beforeEach(() => {
  sim = createSimulator({ clock: "virtual", seed });
});
afterEach(() => sim.close());

const asHost = (id: number, token: string) => ({ authorization: basic(String(id), token) });
const agent = async (method: "GET" | "PATCH", url: string, body?: object, headers = asHost(201, TOKEN)) => {
  const res = await sim.app.inject({
    method,
    url: `/rest-api/service/automation/v2${url}`,
    headers,
    ...(body ? { payload: body } : {}),
  });
  return { status: res.statusCode, body: res.body ? res.json() : undefined };
};

describe("automation API for a real agent (reference §9)", () => {
  it("lists the runs awaiting execution on the host and takes its results", async () => {
    const run = (
      await call(sim, "POST", "/api/v2/projects/1001/testruns", { body: { TestSetId: 10, RunByHostId: 201 } })
    ).body;
    await sim.clock.advance(600_000);
    expect(sim.runs.get(run.id)!.status_code).toBe("Awaiting Run");

    const current = await agent("GET", "/hosts/201/currentruns");
    expect(current.body.metadata.result_set.total).toBe(1);
    expect(current.body.results[0]).toMatchObject({
      id: run.id,
      test_run_items: [{ sequence_number: 1 }, { sequence_number: 2 }],
    });
    expect(
      (await agent("GET", "/hosts/202/currentruns", undefined, asHost(202, "another-token"))).body.metadata.result_set
        .total,
    ).toBe(0);

    const first = await agent("PATCH", `/hosts/201/runs/${run.id}/items/1`, {
      status: "Passed",
      date_started: "2026-12-01T09:10:00",
      date_finished: "2026-12-01T09:11:00",
      run_time: 60,
    });
    expect(first.body).toMatchObject({
      status_code: "Passed",
      run_time: 60,
      date_started: "2026-12-01T09:10:00.0000000",
      date_finished: "2026-12-01T09:11:00.0000000",
    });
    expect(sim.runs.get(run.id)!.status_code).toBe("In Progress");
    expect((await agent("GET", "/hosts/201/currentruns")).body.metadata.result_set.total).toBe(0);

    await agent("PATCH", `/hosts/201/runs/${run.id}/items/2`, {
      status: "failed",
      date_started: "2026-12-01T09:11:00Z",
    });
    expect(sim.runs.get(run.id)).toMatchObject({ status_code: "Failed", nbr_passed: 1, nbr_failed: 1 });
  });

  it("answers wrong host credentials with 401 and another host's path with 403", async () => {
    expect((await agent("GET", "/hosts/201", undefined, asHost(201, "wrong"))).status).toBe(401);
    expect(
      (await agent("GET", "/hosts/201", undefined, { authorization: basic("demo@qac.example", "demo") })).status,
    ).toBe(401);
    expect((await agent("GET", "/hosts/202", undefined)).body).toEqual({ Message: "Access is denied" });
    const self = await agent("GET", "/hosts/201");
    expect(self.body).toMatchObject({ id: 201, host_name: "real-agent" });
    expect(JSON.stringify(self.body)).not.toContain(TOKEN);
  });

  it("refuses a report without status or with an unknown item", async () => {
    const run = (await call(sim, "POST", "/api/v2/projects/1001/testruns", { body: { TestId: 1, RunByHostId: 201 } }))
      .body;
    expect(
      (await agent("PATCH", `/hosts/201/runs/${run.id}/items/1`, { date_started: "2026-12-01T09:10:00" })).status,
    ).toBe(400);
    expect(
      (
        await agent("PATCH", `/hosts/201/runs/${run.id}/items/1`, {
          status: "Done",
          date_started: "2026-12-01T09:10:00",
        })
      ).body.Message,
    ).toMatch(/status 'Done' is not one of Passed, Failed, Blocked, Skipped/);
    expect(
      (
        await agent("PATCH", `/hosts/201/runs/${run.id}/items/2`, {
          status: "Passed",
          date_started: "2026-12-01T09:10:00",
        })
      ).status,
    ).toBe(404);
    expect(
      (await agent("PATCH", `/hosts/201/runs/${run.id}/items/1`, { status: "Passed", date_started: "yesterday" }))
        .status,
    ).toBe(400);
  });
});
