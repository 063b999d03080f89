import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../start-simulator.js";
import { call } from "../test-support/call.js";

let sim: Simulator;
beforeAll(() => {
  sim = createSimulator({ clock: "virtual" });
});
afterAll(() => sim.close());

const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}$/;

/** Checks that every documented field is present with its JSON type ("date" = wire date string). */
function expectShape(object: Record<string, unknown>, shape: Record<string, string>) {
  for (const [field, type] of Object.entries(shape)) {
    const value = object[field];
    if (type === "date") expect([field, value]).toEqual([field, expect.stringMatching(DATE)]);
    else if (type === "array") expect([field, Array.isArray(value)]).toEqual([field, true]);
    else expect([field, typeof value]).toEqual([field, type]);
  }
}

describe("wire shapes of the documented objects", () => {
  it("run items (reference §3.6)", async () => {
    const items = await call(sim, "GET", "/api/v2/projects/1001/testruns/120001/items");
    expectShape(items.body.results[0], {
      id: "number",
      test_set_id: "number",
      project_id: "number",
      test_run_id: "number",
      test_id: "number",
      test_name: "string",
      sequence_number: "number",
      status_code: "string",
      run_time: "number",
      run_time_formated: "string",
      is_stopped_on_fail: "boolean",
      automated: "boolean",
      configuration_name: "string",
      test_host: "string",
      release_id: "number",
      release_name: "string",
      test_set_name: "string",
      version: "number",
      run_by_user_id: "number",
      test_run_results: "array",
      date_finished: "date",
    });
  });

  it("tests (reference §4)", async () => {
    expectShape((await call(sim, "GET", "/api/v1/projects/1001/tests/3101")).body, {
      id: "number",
      title: "string",
      status: "string",
      project_id: "number",
      active: "boolean",
      execution_type: "string",
      folder_id: "number",
      folder_name: "string",
      avg_run_time: "number",
      avg_run_time_formated: "string",
      date_created: "date",
      last_run_date: "date",
      nbr_steps: "number",
      custom_fields: "array",
      __permissions: "object",
    });
  });

  it("test sets and their items (reference §5)", async () => {
    expectShape((await call(sim, "GET", "/api/v2/projects/1001/testsets/6101")).body, {
      id: "number",
      project_id: "number",
      folder_id: "number",
      title: "string",
      is_active: "boolean",
      is_sequential: "boolean",
      status_code: "string",
      priority_code: "string",
      execution_type: "string",
      nbr_tests: "number",
      date_created: "date",
      allow_run: "boolean",
    });
    expectShape((await call(sim, "GET", "/api/v1/projects/1001/testsets/6101/items/1")).body, {
      id: "number",
      project_id: "number",
      test_set_id: "number",
      test_id: "number",
      seq: "number",
      active: "boolean",
      is_stopped_on_fail: "boolean",
      default_host_id: "number",
      assignee_user_id: "number",
      title: "string",
      date_created: "date",
    });
  });

  it("configurations and releases (reference §6, §7)", async () => {
    expectShape((await call(sim, "GET", "/api/v2/projects/1001/configurations/801")).body, {
      id: "number",
      folder_id: "number",
      title: "string",
      is_active: "boolean",
      project_id: "number",
      is_c_b_t: "boolean",
      permissions: "object",
    });
    expectShape((await call(sim, "GET", "/api/v1/projects/1001/releases/904")).body, {
      id: "number",
      project_id: "number",
      release_id: "number",
      parent_id: "number",
      release_type: "string",
      title: "string",
      is_active: "boolean",
      status_code: "string",
      parent_name: "string",
      date_created: "date",
      __permissions: "object",
    });
  });

  it("projects with string ids, users and hosts (reference §8, §9)", async () => {
    expectShape((await call(sim, "GET", "/api/v1/projects/1001")).body, {
      id: "string",
      proj_name: "string",
      dept_id: "string",
      dept_name: "string",
      is_active: "boolean",
      date_created: "date",
      __permissions: "object",
    });
    expectShape((await call(sim, "GET", "/api/v1/projects/1001/users/501")).body, {
      id: "number",
      first_name: "string",
      middle_name: "string",
      last_name: "string",
      email: "string",
      is_active: "boolean",
      is_security_admin: "boolean",
      date_of_anniv: "date",
    });
    expectShape((await call(sim, "GET", "/automation/v2/hosts?name=build-agent-01")).body, {
      id: "number",
      host_name: "string",
      host_configuration: "string",
      agents: "array",
      os: "string",
      is_active: "boolean",
      agent_version: "string",
    });
  });
});
