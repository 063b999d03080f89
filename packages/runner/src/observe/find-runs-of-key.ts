import { filter, parseQacDate, readAll, type Filter, type ProjectId, type TestRun } from "@qac/core";
import type { DesiredRun } from "@qac/planner";
import { matchesKey } from "./match-run.js";
import type { RunnerClient } from "./observe-run-history.js";
import { toObservedRun } from "./to-observed-run.js";

/** Test ids of single-test runs read so far (a run's test never changes). */
export type TestIdCache = Map<number, number>;

/** Which runs of the key {@link findRunsOfKey} looks for. */
export interface KeyLookup {
  /** Only these statuses (a documented filter form), e.g. the unfinished ones. @default any */
  status?: Filter;
  /** Only runs started at or after this time (epoch ms), finished or not. @default any time */
  since?: number;
  /** QAComplete's offset from UTC, for its zone-less dates (reference §2.2). @default 0 */
  serverUtcOffsetMinutes?: number;
  /** Only runs this accepts (checked before any item read). @default all */
  only?: (row: TestRun) => boolean;
}

/**
 * The runs with `desired`'s test or set, configuration, release and host, lowest id first. Reads
 * `(TestSetId = ..) AND (TestConfigId = ..) AND (ReleaseId = ..)` to the total, then keeps the
 * runs that match (a single-test run names its test only on its item: one item read per candidate,
 * cached in `tests`). Requests are added to `counter.calls`.
 */
export async function findRunsOfKey(
  client: RunnerClient,
  projectId: ProjectId,
  desired: DesiredRun,
  tests: TestIdCache,
  lookup: KeyLookup = {},
  counter: { calls: number } = { calls: 0 },
): Promise<TestRun[]> {
  const key = [
    filter.eq("TestSetId", desired.testSetId ?? 0),
    filter.eq("TestConfigId", desired.configuration?.id ?? 0),
    filter.eq("ReleaseId", desired.release?.id ?? 0),
    ...(lookup.status ? [lookup.status] : []),
  ];
  const rows = await readAll(
    (offset, limit) => client.testRuns.list(projectId, { filter: filter.and(...key), offset, limit }),
    { pageSize: 500, onPage: () => (counter.calls += 1) },
  );
  const since = lookup.since;
  const offset = { serverOffsetMinutes: lookup.serverUtcOffsetMinutes ?? 0 };
  const recent = (row: TestRun) => {
    if (lookup.only && !lookup.only(row)) return false;
    if (since === undefined) return true;
    const started = parseQacDate(row.date_started, offset);
    return started !== null && started.getTime() >= since;
  };
  const found: TestRun[] = [];
  for (const row of rows.filter(recent).sort((a, b) => a.id - b.id)) {
    const observed = toObservedRun(row);
    if (observed.kind === "test") {
      let testId = tests.get(row.id);
      if (testId === undefined) {
        counter.calls += 1;
        const page = await client.testRuns.items.list(projectId, row.id, { limit: 1 });
        testId = page.results[0]?.test_id ?? -1;
        tests.set(row.id, testId);
      }
      observed.testId = testId as typeof observed.testId;
    }
    if (matchesKey(desired, observed)) found.push(row);
  }
  return found;
}
