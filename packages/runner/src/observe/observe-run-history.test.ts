import { describe, expect, it } from "vitest";
import { toProjectId, type TestRun } from "@qac/core";
import type { DesiredRun } from "@qac/planner";
import { observeRunHistory, type RunnerClient } from "./observe-run-history.js";

const run = (id: number): TestRun =>
  ({
    id,
    test_set_id: 6101,
    test_config_id: 801,
    release_id: 904,
    test_host: "build-agent-01",
    status_code: "Awaiting Run",
  }) as unknown as TestRun;
const desired = {
  kind: "testSet",
  testId: null,
  testSetId: 6101,
  configuration: { id: 801 },
  release: { id: 904 },
  host: { id: 101, hostName: "build-agent-01" },
} as unknown as DesiredRun;

/**
 * A Run History served from an array in id order, where `onPage` may change it between pages; a
 * page holds at most `cap` rows, whatever `limit` asks for (as a capping server does).
 */
function scripted(rows: TestRun[], onPage: (call: number) => void, cap = Infinity) {
  let calls = 0;
  const list = (_p: number, q: { offset?: number; limit?: number }) => {
    const offset = q.offset ?? 0;
    const results = rows.slice(offset, offset + Math.min(cap, q.limit ?? 25));
    onPage((calls += 1));
    return Promise.resolve({ results, total: rows.length, offset, limit: q.limit ?? 25, count: results.length });
  };
  return {
    testRuns: { list, items: { list: () => Promise.reject(new Error("no item reads expected")) } },
  } as unknown as RunnerClient;
}

describe("observeRunHistory", () => {
  it.each([
    // 3 pages of 10 hold 25 rows, the minimum; the overlapping pages happen to need no more here.
    { cap: Infinity, runLists: 3, minimum: 3 },
    // Pages of 5 overlapping by 1 (a tenth of the 10 asked for) move by 4 rows: offsets 0, 4, ..., 20
    // (24 rows are left after the first page). The minimum counts pages of the 10 rows asked for.
    { cap: 5, runLists: 6, minimum: 3 },
  ])(
    "sees every pending run even when runs finish while it pages (later rows shift towards the start), " +
      "pages capped at $cap",
    async ({ cap, runLists, minimum }) => {
      const rows = Array.from({ length: 25 }, (_, i) => run(130_000 + i));
      // After the first page, a run of that page finishes and leaves the unfinished filter.
      const client = scripted(rows, (call) => void (call === 1 && rows.splice(2, 1)), cap);
      const history = await observeRunHistory(client, toProjectId(1001), [desired], { pageSize: 10 });
      const seen = new Set<number>(history.runs.map((r) => r.id));
      for (let i = 3; i < 25; i += 1) expect(seen.has(130_000 + i), `run ${130_000 + i}`).toBe(true);
      expect(history.runs.map((r) => r.id)).toEqual([...seen].sort((a, b) => a - b));
      expect(history.calls).toMatchObject({ runLists, minimum });
    },
  );
});
