import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BulkRun } from "./insert-many.js";
import { createSimulator, type Simulator } from "../start-simulator.js";
import type { Row } from "../test-support/call.js";
import { call } from "../test-support/call.js";
import type { RunStatus } from "../tenant/wire-types.js";

const N = 100_000;
const TESTS = [3101, 3102, 3104, 3141, 3142, 3143, 3181, 3182];
const CONFIGS = [801, 802, 803, 804];
const RELEASES = [903, 904];
const STATUSES: RunStatus[] = ["Passed", "Failed", "Blocked", "Incomplete", "Awaiting Run"];

let sim: Simulator;
beforeAll(() => {
  sim = createSimulator({ clock: "virtual" });
  const runs: BulkRun[] = Array.from({ length: N }, (_, i) => ({
    testId: TESTS[i % TESTS.length],
    testConfigId: CONFIGS[(i % 7) % CONFIGS.length],
    releaseId: RELEASES[(i % 3) % RELEASES.length],
    status: STATUSES[(i % 11) % STATUSES.length],
  }));
  const ids = sim.runs.insertMany(1001, runs);
  expect(ids).toHaveLength(N);
});
afterAll(() => sim.close());

describe("100,000 runs in one project", () => {
  it("holds them all, with the seeded history", () => {
    expect(sim.runs.count()).toBe(N + 7);
  });

  it("answers an indexed filter with exactly the rows a scan finds, paged by id", async () => {
    const filter = "(TestConfigId = 802) AND (ReleaseId in {904}) AND (StatusCode = 'Failed')";
    const expected = sim.runs
      .list(1001)
      .filter((r) => r.test_config_id === 802 && r.release_id === 904 && r.status_code === "Failed");
    expect(expected.length).toBeGreaterThan(100);
    const page = await call(
      sim,
      "GET",
      `/api/v2/projects/1001/testruns?offset=50&limit=40&Filter=${encodeURIComponent(filter)}`,
    );
    expect(page.body.metadata.result_set).toEqual({ count: 40, offset: 50, limit: 40, total: expected.length });
    expect(page.body.results.map((r: Row) => r.id)).toEqual(expected.slice(50, 90).map((r) => r.id));
  });

  it("answers a filter that needs a scan (OR, ranges) correctly", async () => {
    const filter = "(NbrFailed > 0 OR StatusCode = 'Incomplete') AND Id > 100000";
    const expected = sim.runs
      .list(1001)
      .filter((r) => (r.nbr_failed > 0 || r.status_code === "Incomplete") && r.id > 100_000);
    const page = await call(sim, "GET", `/api/v2/projects/1001/testruns?limit=0&Filter=${encodeURIComponent(filter)}`);
    expect(page.body.metadata.result_set.total).toBe(expected.length);
  });

  it("still finds the active duplicate among 100,000 runs of the same tests", async () => {
    const first = await call(sim, "POST", "/api/v2/projects/1001/testruns", { body: { TestId: 3101 } });
    const again = await call(sim, "POST", "/api/v2/projects/1001/testruns", { body: { TestId: 3101 } });
    expect(again.body.id).toBe(first.body.id);
    // Bulk runs still Awaiting Run count as active too: the oldest active run of 3142 is reused.
    const oldest = sim.runs
      .list(1001, "StatusCode = 'Awaiting Run'")
      .find((r) => sim.runs.items(r.id)[0]!.test_id === 3142)!;
    expect((await call(sim, "POST", "/api/v2/projects/1001/testruns", { body: { TestId: 3142 } })).body.id).toBe(
      oldest.id,
    );
  });

  it("keeps run counters consistent with the requested status", () => {
    const [failed] = sim.runs.list(1001, "StatusCode = 'Failed' AND Id > 130001");
    expect(failed).toMatchObject({ nbr_tests: 1, nbr_failed: 1, nbr_awaiting_run: 0 });
    expect(sim.runs.items(failed!.id)[0]!.status_code).toBe("Failed");
  });
});
