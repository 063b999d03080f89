import { readAll, type ProjectId, type TestRun, type TestRunItem } from "@qac/core";
import pLimit from "p-limit";
import type { RunnerClient } from "../observe/observe-run-history.js";

/**
 * Reads the items of each run (for JUnit). There is no project-wide items endpoint, so this is one
 * call per run (per page of items), in parallel up to `concurrency`; done once, after waiting.
 */
export async function collectRunItems(
  client: RunnerClient,
  projectId: ProjectId,
  runs: readonly TestRun[],
  options: { concurrency?: number } = {},
): Promise<Map<number, TestRunItem[]>> {
  const limit = pLimit(options.concurrency ?? 8);
  const out = new Map<number, TestRunItem[]>();
  await Promise.all(
    runs.map((run) =>
      limit(async () => {
        const items = await readAll(
          (offset, limit) => client.testRuns.items.list(projectId, run.id, { offset, limit }),
          { pageSize: 500 },
        );
        out.set(
          run.id,
          items.sort((a, b) => (a.sequence_number ?? 0) - (b.sequence_number ?? 0)),
        );
      }),
    ),
  );
  return out;
}
