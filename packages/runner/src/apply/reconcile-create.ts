import { filter, readAll, type ProjectId, type TestRun } from "@qac/core";
import type { DesiredRun } from "@qac/planner";
import { matchesKey } from "../observe/match-run.js";
import { unfinishedFilter, type RunnerClient } from "../observe/observe-run-history.js";
import { toObservedRun } from "../observe/to-observed-run.js";
import type { RunBook } from "./run-book.js";

/** Test ids of single-test runs read so far (a run's test never changes). */
export type TestIdCache = Map<number, number>;

/**
 * After a create whose outcome is unknown: finds the run it may have created. A candidate has the
 * desired run's key, is unfinished, and is new to this apply (neither known before it started nor
 * taken for another desired run); the lowest id wins and is taken at once.
 * Limit: a run that already finished by the time of this lookup (seconds after the create) is not
 * found, because finished runs cannot be told apart from older history; it would be created again.
 */
export async function reconcileCreate(
  client: RunnerClient,
  projectId: ProjectId,
  desired: DesiredRun,
  book: RunBook,
  cache: TestIdCache,
): Promise<TestRun | null> {
  const key = [
    desired.testSetId === null ? filter.eq("TestSetId", 0) : filter.eq("TestSetId", desired.testSetId),
    filter.eq("TestConfigId", desired.configuration?.id ?? 0),
    filter.eq("ReleaseId", desired.release?.id ?? 0),
    unfinishedFilter(),
  ];
  const rows = await readAll(
    (offset, limit) => client.testRuns.list(projectId, { filter: filter.and(...key), offset, limit }),
    { pageSize: 500 },
  );
  rows.sort((a, b) => a.id - b.id);
  for (const row of rows) {
    if (!book.isNew(row.id)) continue;
    const observed = toObservedRun(row);
    if (observed.kind === "test") {
      let testId = cache.get(row.id);
      if (testId === undefined) {
        const page = await client.testRuns.items.list(projectId, row.id, { limit: 1 });
        testId = page.results[0]?.test_id ?? -1;
        cache.set(row.id, testId);
      }
      observed.testId = testId as typeof observed.testId;
    }
    if (matchesKey(desired, observed) && book.take(row.id, desired.identity)) return row;
  }
  return null;
}
