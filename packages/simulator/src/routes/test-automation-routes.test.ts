import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../start-simulator.js";
import { call, type Row } from "../test-support/call.js";

let sim: Simulator;
beforeEach(() => {
  sim = createSimulator({ clock: "virtual" });
});
afterEach(() => sim.close());

const TESTS = "/api/v2/projects/1001/tests";

describe("automations of a test (reference §13, automations/get.html)", () => {
  it("lists a test's automations in the list envelope", async () => {
    const res = await call(sim, "GET", `${TESTS}/3101/automations`);
    expect(res.status).toBe(200);
    expect(res.body.metadata).toEqual({
      result_set: { count: 2, offset: 0, limit: 25, total: 2 },
      permissions: { acl: 7 },
    });
    expect(res.body.results).toEqual([
      {
        agent: "TestComplete/TestExecute",
        title: "Guest checkout with credit card",
        timeout: 0,
        run_mode: 0,
        params: {},
      },
      { agent: "JUnit (Selenium)", title: "Guest checkout with credit card", timeout: 0, run_mode: 0, params: {} },
    ]);
  });

  it("answers an empty list for an automated test nobody automated yet", async () => {
    const res = await call(sim, "GET", `${TESTS}/3250/automations`);
    expect([res.status, res.body.metadata.result_set.total, res.body.results]).toEqual([200, 0, []]);
  });

  it.each(["junit", "JUNIT", "JUnit%20%28Selenium%29", "JUnit (Selenium)"])("finds one by agent %j", async (agent) => {
    const res = await call(sim, "GET", `${TESTS}/3101/automations/${agent}`);
    expect([res.status, res.body.agent]).toEqual([200, "JUnit (Selenium)"]);
  });

  it("reads the URL-encoded long names of the docs' table", async () => {
    expect((await call(sim, "GET", `${TESTS}/3101/automations/TestComplete%2FTestExecute`)).body.agent).toBe(
      "TestComplete/TestExecute",
    );
    expect(await call(sim, "GET", `${TESTS}/3101/automations/ReadyAPI+%2F+SoapUI+OS`)).toMatchObject({
      status: 404,
      body: { Message: "File or directory not found" },
    });
  });

  it("answers 404 for a missing automation or test and 400 for a name that is no agent", async () => {
    expect((await call(sim, "GET", `${TESTS}/3250/automations/junit`)).status).toBe(404);
    expect((await call(sim, "GET", `${TESTS}/4101/automations`)).status).toBe(404);
    expect((await call(sim, "GET", `${TESTS}/99999/automations/junit`)).status).toBe(404);
    expect(await call(sim, "GET", `${TESTS}/3101/automations/cypress`)).toMatchObject({
      status: 400,
      body: { Message: expect.stringMatching(/^Agent 'cypress' is not one of TestComplete\/TestExecute/) },
    });
  });

  it("needs Read on the Test Library of the project", async () => {
    expect((await call(sim, "GET", "/api/v2/projects/1002/tests/4101/automations", { as: "viewer" })).status).toBe(403);
  });

  it("leaves a run of a test without an automation for the host's agents Awaiting Run, however long", async () => {
    const post = (TestId: number) =>
      call(sim, "POST", "/api/v2/projects/1001/testruns", { body: { TestId, RunByHostId: 101 } });
    const orphan = (await post(3250)).body;
    const automated = (await post(3101)).body;
    await sim.clock.advance(7 * 24 * 3600 * 1000);
    expect(sim.runs.get(orphan.id)).toMatchObject({ status_code: "Awaiting Run", nbr_awaiting_run: 1 });
    expect(sim.runs.get(automated.id)?.status_code).toBe("Passed");
    const listed = await call(
      sim,
      "GET",
      `/api/v2/projects/1001/testruns?Filter=${encodeURIComponent(`Id = ${orphan.id}`)}`,
    );
    expect(listed.body.results.map((r: Row) => r.status_code)).toEqual(["Awaiting Run"]);
  });
});
