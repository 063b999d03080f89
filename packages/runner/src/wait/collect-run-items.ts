import type { ProjectId, TestRun, TestRunItem } from "@qac/core";
import pLimit from "p-limit";
import { realSleep, withRetries, type Sleep } from "../apply/with-retries.js";
import type { RunnerClient } from "../observe/observe-run-history.js";

/**
 * Reads the items of each run (for JUnit). There is no project-wide items endpoint, so this is one
 * call per run (per page of items), in parallel up to `concurrency`; done once, after waiting.
 */
export async function collectRunItems(
  client: RunnerClient,
  projectId: ProjectId,
  runs: readonly TestRun[],
  options: { concurrency?: number; sleep?: Sleep } = {},
): Promise<Map<number, TestRunItem[]>> {
  const limit = pLimit(options.concurrency ?? 8);
  const out = new Map<number, TestRunItem[]>();
  const policy = { sleep: options.sleep ?? realSleep };
  await Promise.all(
    runs.map((run) =>
      limit(async () => {
        const items: TestRunItem[] = [];
        for (let offset = 0; ; offset += 500) {
          const page = await withRetries(
            () => client.testRuns.items.list(projectId, run.id, { offset, limit: 500 }),
            policy,
            true,
          );
          items.push(...page.results);
          if (page.results.length < 500 || offset + 500 >= page.total) break;
        }
        out.set(
          run.id,
          items.sort((a, b) => (a.sequence_number ?? 0) - (b.sequence_number ?? 0)),
        );
      }),
    ),
  );
  return out;
}
