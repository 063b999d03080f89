import pLimit from "p-limit";
import type { Change } from "../diff/change.js";
import type { ReportRun } from "../report/apply-report.js";

/** How {@link executeChanges} runs the changes. */
export interface ExecuteOptions {
  /** Changes handled at once. */
  concurrency: number;
  /** True once nothing new may start (Ctrl-C, a lost lease): the rest are not started. */
  stopping: () => boolean;
  /** The report row of a change that is not started, with why. */
  notStarted: (change: Change, reason: string) => ReportRun;
}

const succeeded = (run: ReportRun) => run.outcome === "created" || run.outcome === "satisfied";

/**
 * Handles every change once and returns their report rows by identity. Independent changes run in
 * parallel up to `concurrency`; the changes of a sequence group run one at a time in plan order
 * (each as one slot of the same pool), and after the first of them that fails, the rest of the
 * group are not started.
 */
export async function executeChanges(
  changes: readonly Change[],
  handle: (change: Change) => Promise<ReportRun>,
  options: ExecuteOptions,
): Promise<Map<string, ReportRun>> {
  const results = new Map<string, ReportRun>();
  const limit = pLimit(options.concurrency);
  const groups = new Map<string, Change[]>();
  const tasks: Promise<unknown>[] = [];
  for (const change of changes) {
    const group = change.run.sequence?.group;
    if (group === undefined) tasks.push(limit(async () => results.set(change.identity, await handle(change))));
    else {
      const members = groups.get(group);
      if (members) members.push(change);
      else groups.set(group, [change]);
    }
  }
  for (const [group, members] of groups) {
    members.sort((a, b) => a.run.sequence!.position - b.run.sequence!.position);
    tasks.push(
      limit(async () => {
        let failedAt: string | null = null;
        for (const change of members) {
          // After Ctrl-C (or a lost lease) the rest say so, not that an earlier run of the group failed.
          if (failedAt !== null && !options.stopping()) {
            const reason = `not started: ${failedAt}, earlier in sequence group ${group}, failed`;
            results.set(change.identity, options.notStarted(change, reason));
            continue;
          }
          const run = await handle(change);
          results.set(change.identity, run);
          if (!succeeded(run) && change.decision !== "skip") failedAt = change.run.runKey;
        }
      }),
    );
  }
  await Promise.all(tasks);
  return results;
}
