import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../start-simulator.js";
import type { Row } from "../test-support/call.js";
import { call } from "../test-support/call.js";

const RUNS = "/api/v2/projects/1001/testruns";
let sim: Simulator;
beforeEach(() => {
  sim = createSimulator({ clock: "virtual" });
});
afterEach(() => sim.close());

/** Every field of the create sample (reference §3.1) with its documented JSON type. */
const DOCUMENTED_RUN_FIELDS = {
  id: "number",
  release_id: "number",
  project_id: "number",
  run_by_user_id: "number",
  run_by_user_name: "string",
  is_sequential: "boolean",
  status_code: "string",
  execution_type: "string",
  date_started: "string",
  date_finished: "string",
  nbr_tests: "number",
  nbr_passed: "number",
  nbr_failed: "number",
  nbr_blocked: "number",
  nbr_awaiting_run: "number",
  run_time: "number",
  run_time_formated: "string",
  schedule_id: "string",
  test_host: "string",
  test_set_id: "number",
  test_set_name: "string",
  test_config_id: "number",
  configuration_name: "string",
  release_name: "string",
};

describe("POST testruns (reference §3.1)", () => {
  it("answers the documented sample request with 200 and every run field in its documented type", async () => {
    const res = await call(sim, "POST", RUNS, { body: { TestId: 3101, RunByHostId: 101 } });
    expect(res.status).toBe(200);
    for (const [field, type] of Object.entries(DOCUMENTED_RUN_FIELDS))
      expect([field, typeof res.body[field]]).toEqual([field, type]);
    expect(res.body).toMatchObject({
      release_id: 0,
      project_id: 1001,
      run_by_user_id: 501,
      run_by_user_name: "Demo, Dana ",
      is_sequential: false,
      status_code: "Awaiting Run",
      execution_type: "Automated",
      date_started: "2026-12-01T09:00:00.0000000",
      date_finished: "0001-01-01T00:00:00.0000000",
      nbr_tests: 1,
      nbr_awaiting_run: 1,
      run_time: 0,
      run_time_formated: "00:00:00",
      schedule_id: "0",
      test_host: "build-agent-01",
      test_set_id: 0,
    });
  });

  it("answers a wrong password with 401, a Basic challenge and a Message", async () => {
    const res = await sim.app.inject({
      method: "POST",
      url: `/rest-api/service${RUNS}`,
      headers: { authorization: `Basic ${Buffer.from("demo@qac.example:nope").toString("base64")}` },
      payload: { TestId: 3101 },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers["www-authenticate"]).toMatch(/^Basic/);
    expect(res.json().Message).toMatch(/wrong e-mail or password/);
    expect(res.body).not.toContain("nope");
  });

  it("answers missing credentials with 401", async () => {
    const res = await call(sim, "GET", RUNS, { as: null });
    expect(res.status).toBe(401);
    expect(res.headers["www-authenticate"]).toMatch(/^Basic/);
  });

  it("denies a read-only user with 403 Access is denied", async () => {
    const res = await call(sim, "POST", RUNS, { as: "viewer", body: { TestId: 3101 } });
    expect(res).toMatchObject({ status: 403, body: { Message: "Access is denied" } });
    expect(sim.runs.count()).toBe(7);
  });

  it("denies a project the user has no access to, and an unknown project, alike", async () => {
    expect((await call(sim, "GET", "/api/v2/projects/1002/testruns", { as: "viewer" })).body).toEqual({
      Message: "Access is denied",
    });
    expect(await call(sim, "POST", "/api/v2/projects/9999/testruns", { body: { TestId: 3101 } })).toMatchObject({
      status: 403,
      body: { Message: "Access is denied" },
    });
  });

  it("answers an unknown test with 404 File or directory not found", async () => {
    expect(await call(sim, "POST", RUNS, { body: { TestId: 999999 } })).toMatchObject({
      status: 404,
      body: { Message: "File or directory not found" },
    });
    // A test of another project is unknown here too.
    expect((await call(sim, "POST", RUNS, { body: { TestId: 4101 } })).status).toBe(404);
  });

  it.each([
    [{ TestSetId: 999 }, 404],
    [{ TestId: 3101, TestConfigId: 999 }, 404],
    [{ TestId: 3101, ReleaseId: 999 }, 404],
    [{ TestId: 3101, RunByHostId: 999 }, 404],
    [{ TestId: 3101, RunByHostId: 104 }, 400],
    [{ TestId: 3101, TestConfigId: 805 }, 400],
    [{}, 400],
    [{ TestId: "abc" }, 400],
  ])("answers %j with %i", async (body, status) => {
    const res = await call(sim, "POST", RUNS, { body });
    expect(res.status).toBe(status);
    expect(typeof res.body.Message).toBe("string");
  });

  it("explains a body without TestId and TestSetId", async () => {
    expect((await call(sim, "POST", RUNS, { body: { RunByHostId: 101 } })).body).toEqual({
      Message: "Either TestId or TestSetId is required",
    });
  });

  it("runs the set when both TestId and TestSetId are given", async () => {
    const res = await call(sim, "POST", RUNS, { body: { TestId: 3101, TestSetId: 6102 } });
    expect(res.body).toMatchObject({ test_set_id: 6102, test_set_name: "Search regression", nbr_tests: 7 });
  });

  it("makes one item per active set item in seq order and copies is_sequential from the set", async () => {
    const res = await call(sim, "POST", RUNS, { body: { TestSetId: 6101, TestConfigId: 801, ReleaseId: 904 } });
    expect(res.body).toMatchObject({
      is_sequential: true,
      nbr_tests: 5,
      configuration_name: "Chrome / Windows 11",
      release_name: "Build 42",
      test_host: "build-agent-01",
    });
    const items = await call(sim, "GET", `${RUNS}/${res.body.id}/items`);
    expect(items.body.results.map((i: Row) => [i.sequence_number, i.test_id, i.is_stopped_on_fail])).toEqual([
      [1, 3182, true],
      [2, 3121, true],
      [3, 3101, true],
      [4, 3103, true],
      [5, 3105, false],
    ]);
    // Host per item (reference §11.8): only 3101 has a default host in the seed.
    expect(items.body.results.map((i: Row) => i.test_host)).toEqual(["", "", "build-agent-01", "", ""]);
  });

  it("lets IsSequential in the body override the set", async () => {
    expect((await call(sim, "POST", RUNS, { body: { TestSetId: 6101, IsSequential: false } })).body.is_sequential).toBe(
      false,
    );
    expect((await call(sim, "POST", RUNS, { body: { TestSetId: 6102, IsSequential: true } })).body.is_sequential).toBe(
      true,
    );
  });

  it("accepts a form-encoded body and field names in any case", async () => {
    const form = await call(sim, "POST", RUNS, {
      body: "TestId=3141&RunByHostId=102",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form).toMatchObject({ status: 200, body: { test_host: "build-agent-02", nbr_tests: 1 } });
    const lower = await call(sim, "POST", RUNS, { body: { testid: 3142, runbyhostid: 103 } });
    expect(lower).toMatchObject({ status: 200, body: { test_host: "mac-agent-01" } });
  });

  it("refuses a body above 1 MiB with 413", async () => {
    const res = await call(sim, "POST", RUNS, {
      body: JSON.stringify({ TestId: 3101, pad: "x".repeat(1024 * 1024) }),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(413);
  });

  it("refuses malformed JSON with 400", async () => {
    const res = await call(sim, "POST", RUNS, { body: "{", headers: { "content-type": "application/json" } });
    expect(res).toMatchObject({ status: 400, body: { Message: "The request body is not valid JSON" } });
  });
});

describe("GET, DELETE and restart of a run (reference §3.3–§3.5)", () => {
  it("gets a run by id under v2 and v1, and 404s an unknown id", async () => {
    expect((await call(sim, "GET", `${RUNS}/120001`)).body).toMatchObject({ id: 120001, status_code: "Failed" });
    expect((await call(sim, "GET", "/api/v1/projects/1001/testruns/120001")).status).toBe(200);
    expect((await call(sim, "GET", `${RUNS}/424242`)).body).toEqual({ Message: "File or directory not found" });
    expect((await call(sim, "GET", "/api/v2/projects/1002/testruns/120001")).status).toBe(404);
  });

  it("deletes a run with 200 and an empty body; a second delete is 404", async () => {
    const del = await call(sim, "DELETE", `${RUNS}/120002`);
    expect(del).toMatchObject({ status: 200, body: undefined });
    expect((await call(sim, "GET", `${RUNS}/120002`)).status).toBe(404);
    expect((await call(sim, "DELETE", `${RUNS}/120002`)).status).toBe(404);
  });

  it("needs the Delete right to delete", async () => {
    expect((await call(sim, "DELETE", `${RUNS}/120002`, { as: "tester" })).body).toEqual({
      Message: "Access is denied",
    });
  });

  it("restarts into a new run with a new id and leaves the old run alone", async () => {
    const res = await call(sim, "POST", `${RUNS}/120001/restart`, { as: "tester" });
    expect(res.status).toBe(200);
    expect(res.body.id).not.toBe(120001);
    expect(res.body).toMatchObject({
      status_code: "Awaiting Run",
      test_set_id: 6101,
      test_config_id: 801,
      release_id: 903,
      run_by_user_id: 503,
      nbr_tests: 5,
    });
    expect((await call(sim, "GET", `${RUNS}/120001`)).body.status_code).toBe("Failed");
  });
});
