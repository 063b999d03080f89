import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../start-simulator.js";
import type { Row } from "../test-support/call.js";
import { call } from "../test-support/call.js";

let sim: Simulator;
beforeEach(() => {
  sim = createSimulator({ clock: "virtual" });
});
afterEach(() => sim.close());

const P = "/api/v2/projects/1001";

describe("paging (reference §2.3)", () => {
  it("defaults to 25 items from offset 0, ordered by id", async () => {
    const res = await call(sim, "GET", `${P}/tests`);
    expect(res.body.metadata).toEqual({
      result_set: { count: 25, offset: 0, limit: 25, total: 53 },
      permissions: { acl: 7 },
    });
    const ids = res.body.results.map((t: Row) => t.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => a - b));
  });

  it("pages with offset and limit until offset >= total", async () => {
    const seen: number[] = [];
    for (let offset = 0; ; offset += 20) {
      const page = (await call(sim, "GET", `${P}/tests?offset=${offset}&limit=20`)).body;
      seen.push(...page.results.map((t: Row) => t.id));
      if (offset + 20 >= page.metadata.result_set.total) break;
    }
    expect(new Set(seen).size).toBe(53);
  });

  it("returns only metadata for limit=0", async () => {
    const res = await call(sim, "GET", `${P}/tests?limit=0&Filter=${encodeURIComponent("FolderName = 'Search'")}`);
    expect(res.body).toEqual({
      metadata: { result_set: { count: 0, offset: 0, limit: 0, total: 8 }, permissions: { acl: 7 } },
      results: [],
    });
  });

  it("refuses a negative limit with 400", async () => {
    expect(await call(sim, "GET", `${P}/testruns?limit=-1`)).toMatchObject({
      status: 400,
      body: { Message: "Query parameter 'limit' must be 0 or more, got -1" },
    });
  });

  it("accepts ?format=json and parameter names in any case", async () => {
    const res = await call(
      sim,
      "GET",
      `${P}/testruns?format=json&LIMIT=2&OffSet=1&filter=${encodeURIComponent("testSetId in {6101, 6102, 6103}")}`,
    );
    expect(res.body.results.map((r: Row) => r.id)).toEqual([120002, 120003]);
    expect(res.body.metadata.result_set).toEqual({ count: 2, offset: 1, limit: 2, total: 3 });
  });
});

describe("filters over HTTP (reference §2.4, §11.13)", () => {
  it("filters runs on PascalCase fields", async () => {
    const f = encodeURIComponent("(ReleaseId = 904) AND (StatusCode = 'Passed')");
    expect((await call(sim, "GET", `${P}/testruns?Filter=${f}`)).body.results.map((r: Row) => r.id)).toEqual([
      120003, 120004,
    ]);
  });

  it("answers an unknown field with 400 naming the field and column", async () => {
    const res = await call(sim, "GET", `${P}/testruns?Filter=${encodeURIComponent("Colour = 'red'")}`);
    expect(res.status).toBe(400);
    expect(res.body.Message).toMatch(
      /^Invalid filter: Unknown field 'Colour' for a test run; known fields: .*\(at column 1\)$/,
    );
  });

  it("answers a syntax error with 400 and the column", async () => {
    const res = await call(sim, "GET", `${P}/testruns?Filter=${encodeURIComponent("Id = 1 AND")}`);
    expect(res.body).toEqual({
      Message: "Invalid filter: Expected a field name but found end of filter (at column 11)",
    });
  });

  it("answers a filter nested or chained beyond the limits with 400, not a stack overflow", async () => {
    const deep = `${"(".repeat(5000)}Id = 1${")".repeat(5000)}`;
    const long = Array.from({ length: 20_000 }, () => "Id = 1").join(" OR ");
    const nots = `${"NOT ".repeat(20_000)}Id = 1`;
    for (const Filter of [deep, long, nots]) {
      const res = await call(sim, "POST", `${P}/tests/search`, { body: { Filter } });
      expect([res.status, res.body.Message]).toEqual([
        400,
        expect.stringMatching(/^Invalid filter: The filter (nests|has more than)/),
      ]);
    }
    const planner = Array.from({ length: 200 }, (_, i) => `(Id = ${3101 + i})`).join(" OR ");
    expect((await call(sim, "POST", `${P}/tests/search`, { body: { Filter: planner } })).status).toBe(200);
  });

  it("searches tests and configurations with a POST body filter", async () => {
    const tests = await call(sim, "POST", `${P}/tests/search?limit=100`, {
      body: { Filter: "(Title ~ 'checkout') AND (ExecutionType = 'Manual')" },
    });
    expect(tests.body.results.map((t: Row) => t.id)).toEqual([3241, 3245]);
    const configs = await call(sim, "POST", `${P}/configurations/search`, { body: { Filter: "IsActive = false" } });
    expect(configs.body.results.map((c: Row) => c.title)).toEqual(["IE 11 / Windows 8.1"]);
  });

  it("filters run items of a run", async () => {
    const res = await call(sim, "GET", `${P}/testruns/120001/items?Filter=${encodeURIComponent("status != 'Passed'")}`);
    expect(res.body.results.map((i: Row) => [i.test_id, i.status_code])).toEqual([
      [3103, "Failed"],
      [3105, "Blocked"],
    ]);
  });
});

describe("permissions.acl (reference §1.4)", () => {
  it("reflects the caller's rights per area", async () => {
    expect((await call(sim, "GET", `${P}/testruns?limit=0`, { as: "viewer" })).body.metadata.permissions.acl).toBe(1);
    expect((await call(sim, "GET", `${P}/testruns?limit=0`, { as: "tester" })).body.metadata.permissions.acl).toBe(3);
    expect((await call(sim, "GET", `${P}/testruns?limit=0`)).body.metadata.permissions.acl).toBe(7);
    expect((await call(sim, "GET", `/api/v1${P.slice(7)}/tests/3101`, { as: "viewer" })).body.__permissions).toEqual({
      acl: 1,
    });
  });
});

describe("library resources", () => {
  it("serves a test under v1 and v2", async () => {
    const v1 = await call(sim, "GET", "/api/v1/projects/1001/tests/3101");
    expect(v1.body).toMatchObject({
      id: 3101,
      title: "Guest checkout with credit card",
      execution_type: "Automated",
      folder_name: "Checkout",
      project_id: 1001,
    });
    expect((await call(sim, "GET", `${P}/tests/3101`)).status).toBe(200);
    expect((await call(sim, "GET", `${P}/tests/4101`)).status).toBe(404);
  });

  it("serves test sets and their items via v1 with seq, active and default_host_id", async () => {
    const set = await call(sim, "GET", `${P}/testsets/6101`);
    expect(set.body).toMatchObject({
      title: "Checkout smoke",
      is_sequential: true,
      execution_type: "Automated",
      nbr_tests: 6,
    });
    const items = await call(sim, "GET", "/api/v1/projects/1001/testsets/6101/items");
    expect(
      items.body.results.map((i: Row) => [i.seq, i.test_id, i.active, i.is_stopped_on_fail, i.test_set_id]),
    ).toEqual([
      [1, 3182, true, true, 6101],
      [2, 3121, true, true, 6101],
      [3, 3101, true, true, 6101],
      [4, 3103, true, true, 6101],
      [5, 3105, true, false, 6101],
      [6, 3109, false, false, 6101],
    ]);
    expect((await call(sim, "GET", "/api/v1/projects/1001/testsets/6101/items/6")).body).toMatchObject({
      test_id: 3109,
      default_host_id: 0,
    });
    expect((await call(sim, "GET", "/api/v1/projects/1001/testsets/6101/items/7")).status).toBe(404);
  });

  it("serves the release tree with release_type and parent_id", async () => {
    const res = await call(sim, "GET", "/api/v1/projects/1001/releases?limit=100");
    const rows = res.body.results.map((r: Row) => [r.id, r.title, r.release_type, r.parent_id]);
    expect(rows).toEqual(
      expect.arrayContaining([
        [901, "2026.12", "Release", 0],
        [902, "RC1", "Iteration", 901],
        [904, "Build 42", "Build", 902],
      ]),
    );
  });

  it("needs the Releases right for releases", async () => {
    expect((await call(sim, "GET", "/api/v1/projects/1002/releases", { as: "tester" })).status).toBe(200);
    expect((await call(sim, "GET", "/api/v1/projects/1002/releases", { as: "viewer" })).status).toBe(403);
  });
});

describe("releases (reference §7, §13)", () => {
  it("shows closed releases with their status", async () => {
    const f = encodeURIComponent("StatusCode ~ 'Closed'");
    const res = await call(sim, "GET", `/api/v1/projects/1001/releases?Filter=${f}`);
    expect(res.body.results.map((r: Row) => [r.id, r.title, r.status_code])).toEqual([
      [911, "2026.11", "Closed (Completed)"],
      [912, "Spring campaign", "Closed (Cancelled)"],
    ]);
  });
});

describe("projects, users and hosts", () => {
  it("lists only accessible projects with string ids", async () => {
    const all = await call(sim, "GET", "/api/v1/projects");
    expect(all.body.results.map((p: Row) => [p.id, p.proj_name, typeof p.dept_id])).toEqual([
      ["1001", "Web Shop", "string"],
      ["1002", "Mobile App", "string"],
    ]);
    expect((await call(sim, "GET", "/api/v1/projects", { as: "viewer" })).body.results.map((p: Row) => p.id)).toEqual([
      "1001",
    ]);
    expect((await call(sim, "GET", "/api/v1/projects/1002", { as: "viewer" })).body).toEqual({
      Message: "Access is denied",
    });
  });

  it("lists the users of a project", async () => {
    const res = await call(sim, "GET", "/api/v1/projects/1002/users");
    expect(res.body.results.map((u: Row) => u.email)).toEqual(["demo@qac.example", "tester@qac.example"]);
    expect(JSON.stringify(res.body)).not.toContain("password");
  });

  it("finds a host by name with user credentials and never returns its token", async () => {
    const res = await call(sim, "GET", "/automation/v2/hosts?name=BUILD-AGENT-02");
    expect(res.body).toMatchObject({
      id: 102,
      host_name: "build-agent-02",
      os: "Ubuntu 24.04",
      is_active: true,
      agents: ["JUnit (Selenium)", "TestNG (Selenium)"],
    });
    expect(res.body.security_token).toBeUndefined();
    expect((await call(sim, "GET", "/automation/v2/hosts?name=nope")).status).toBe(404);
    expect((await call(sim, "GET", "/automation/v2/hosts?name=build-agent-01", { as: null })).status).toBe(401);
  });

  it("answers unknown routes with 404 File or directory not found", async () => {
    expect(await call(sim, "GET", "/api/v2/nothing-here")).toMatchObject({
      status: 404,
      body: { Message: "File or directory not found" },
    });
  });
});
