import { chunkInFilters, isFinishedRun, readAll, toProjectId, type QacClient, type TestRun } from "@qac/core";
import pLimit from "p-limit";
import type { RunStatusUpdate } from "../store/status-store.js";

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
  let calls = 0;
  const inFlight = pLimit(options.concurrency);
  const results = await Promise.allSettled(
    filters.map((f) =>
      inFlight(async () => {
        // A batch matches at most the ids asked for, but a server may cap pages: read to the total.
        const list = (offset: number, limit: number) => {
          calls += 1; // failed requests count too
          return client.testRuns.list(toProjectId(projectId), { filter: f, offset, limit });
        };
        const rows = await readAll(list, { pageSize: Math.max(1, runIds.length) });
        for (const run of rows) found.set(Number(run.id), run);
      }),
    ),
  );
  const failed = results.find((r) => r.status === "rejected");
  const updates: RunStatusUpdate[] = [...found.values()].map((run) => ({
    projectId,
    runId: Number(run.id),
    status: run.status_code,
    finished: isFinishedRun(run.status_code),
  }));
  // A run missing from complete answers was deleted in QAComplete: stop asking for it.
  if (!failed)
    for (const id of runIds) if (!found.has(id)) updates.push({ projectId, runId: id, status: null, finished: true });
  return { updates, calls, error: failed ? (failed.reason as unknown) : null };
}
