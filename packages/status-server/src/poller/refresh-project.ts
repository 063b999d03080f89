import { chunkInFilters, toProjectId, type QacClient, type TestRun } from "@qac/core";
import { isFinalStatus } from "../store/status-bucket.js";
import type { RunStatusUpdate } from "../store/status-store.js";
import { runPool } from "./run-pool.js";

/** What refreshing one project's runs found. */
export interface ProjectRefresh {
  updates: RunStatusUpdate[];
  calls: number;
  /** The first failed request, or null; `updates` then holds what the other requests read. */
  error: unknown;
}

/**
 * Reads the status of `runIds` in one project with as few requests as the URL budget allows
 * (`Id in {...}` filters cut by `chunkInFilters`), `concurrency` at a time.
 */
export async function refreshProject(
  client: QacClient,
  projectId: number,
  runIds: readonly number[],
  options: { concurrency: number; maxFilterLength: number },
): Promise<ProjectRefresh> {
  const filters = chunkInFilters("Id", runIds, { maxEncodedLength: options.maxFilterLength });
  const found = new Map<number, TestRun>();
  const results = await runPool(
    filters.map((f) => async () => {
      // A batch never matches more runs than ids asked for, so one page holds the answer.
      const page = await client.testRuns.list(toProjectId(projectId), { filter: f, limit: runIds.length, offset: 0 });
      for (const run of page.results) found.set(Number(run.id), run);
    }),
    options.concurrency,
  );
  const failed = results.find((r) => r.status === "rejected");
  const updates: RunStatusUpdate[] = [...found.values()].map((run) => ({
    projectId,
    runId: Number(run.id),
    status: run.status_code,
    finished: isFinalStatus(run.status_code),
  }));
  // A run missing from complete answers was deleted in QAComplete: stop asking for it.
  if (!failed)
    for (const id of runIds) if (!found.has(id)) updates.push({ projectId, runId: id, status: null, finished: true });
  return { updates, calls: filters.length, error: failed ? (failed.reason as unknown) : null };
}
