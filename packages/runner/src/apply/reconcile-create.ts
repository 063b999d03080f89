import type { ProjectId, TestRun } from "@qac/core";
import type { DesiredRun } from "@qac/planner";
import { findRunsOfKey, type TestIdCache } from "../observe/find-runs-of-key.js";
import { unfinishedFilter, type RunnerClient } from "../observe/observe-run-history.js";
import type { RunBook } from "./run-book.js";

/**
 * After a create whose outcome is unknown: finds the run it may have created. A candidate has the
 * desired run's key, is unfinished, and is new to this apply (neither known before it started nor
 * taken for another desired run); the lowest id wins and is taken at once.
 * Limit: a run that already finished by the time of this lookup (seconds after the create) is not
 * found, because finished runs cannot be told apart from older history; under `--once-per` the
 * intent recorded before the create lets the next apply find it (see reconcileIntents).
 */
export async function reconcileCreate(
  client: RunnerClient,
  projectId: ProjectId,
  desired: DesiredRun,
  book: RunBook,
  cache: TestIdCache,
): Promise<TestRun | null> {
  const rows = await findRunsOfKey(client, projectId, desired, cache, {
    status: unfinishedFilter(),
    only: (row) => book.isNew(row.id),
  });
  return rows.find((row) => book.take(row.id, desired.identity)) ?? null;
}
