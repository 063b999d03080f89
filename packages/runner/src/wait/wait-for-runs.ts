import { setTimeout as delay } from "node:timers/promises";
import { chunkInFilters, isPassedRun, isUnfinishedRun, readAll, type ProjectId, type TestRun } from "@qac/core";
import type { RunnerClient } from "../observe/observe-run-history.js";
import { realSleep, type Sleep } from "../sleep.js";

/** Options of {@link waitForRuns}. */
export interface WaitOptions {
  /** Give up after this long (ms). @default 1800000 (30 min) */
  timeoutMs?: number;
  /** First wait between polls; doubles up to `maxIntervalMs`. @default 2000 */
  intervalMs?: number;
  /** @default 30000 */
  maxIntervalMs?: number;
  /** Called after every poll with every run's latest state. */
  onPoll?: (runs: readonly TestRun[]) => void;
  signal?: AbortSignal;
  sleep?: Sleep;
  /** Clock for the deadline. @default Date.now */
  now?: () => number;
}

/** How waiting ended. */
export interface WaitResult {
  /** Latest state of every run, in the order asked. Missing runs (deleted) are left out. */
  runs: TestRun[];
  /** Ids that were not found. */
  missing: number[];
  outcome: "passed" | "failed" | "timeout" | "interrupted";
  /** One sentence: which runs failed, were blocked or incomplete, or are still unfinished. */
  reason: string;
  /** `GET testruns` calls made. */
  calls: number;
}

/**
 * Polls the runs until every one finished, the deadline passed or `signal` aborted. One list call
 * per batch of ids (`Id in {...}`, chunked under the URL budget), never one per run; the wait
 * between polls backs off from `intervalMs` to `maxIntervalMs`.
 */
export async function waitForRuns(
  client: RunnerClient,
  projectId: ProjectId,
  runIds: readonly number[],
  options: WaitOptions = {},
): Promise<WaitResult> {
  // The real pause is cancelled by the signal too, so no timer keeps the process alive after Ctrl-C.
  const signal = options.signal;
  const sleep =
    options.sleep ?? (signal ? (ms: number) => delay(ms, undefined, { signal }).catch(() => undefined) : realSleep);
  const now = options.now ?? Date.now;
  const deadline = now() + (options.timeoutMs ?? 1_800_000);
  const ids = [...new Set(runIds)];
  const latest = new Map<number, TestRun>();
  let calls = 0;
  let interval = options.intervalMs ?? 2000;
  for (;;) {
    const pending = ids.filter((id) => !latest.has(id) || isUnfinishedRun(latest.get(id)!.status_code));
    for (const f of chunkInFilters("Id", pending)) {
      const rows = await readAll((offset, limit) => client.testRuns.list(projectId, { filter: f, offset, limit }), {
        pageSize: 1000,
        onPage: () => (calls += 1),
      });
      for (const run of rows) latest.set(run.id, run);
    }
    const runs = ids.flatMap((id) => latest.get(id) ?? []);
    options.onPoll?.(runs);
    const missing = ids.filter((id) => !latest.has(id));
    const unfinished = runs.filter((r) => isUnfinishedRun(r.status_code));
    const list = (rs: readonly TestRun[]) =>
      rs
        .slice(0, 10)
        .map((r) => `${r.id} (${r.status_code})`)
        .join(", ") + (rs.length > 10 ? `, ... ${rs.length - 10} more` : "");
    if (unfinished.length === 0) {
      const bad = runs.filter((r) => !isPassedRun(r.status_code));
      if (bad.length === 0 && missing.length === 0)
        return { runs, missing, outcome: "passed", reason: `all ${runs.length} runs passed`, calls };
      const gone = missing.length ? `${missing.length} run(s) not found: ${missing.slice(0, 10).join(", ")}` : "";
      return {
        runs,
        missing,
        outcome: "failed",
        reason: [bad.length ? `${bad.length} of ${runs.length} runs did not pass: ${list(bad)}` : "", gone]
          .filter(Boolean)
          .join("; "),
        calls,
      };
    }
    const interrupted = () => ({
      runs,
      missing,
      outcome: "interrupted" as const,
      reason: `interrupted while ${unfinished.length} runs were unfinished: ${list(unfinished)}`,
      calls,
    });
    if (options.signal?.aborted) return interrupted();
    if (now() >= deadline)
      return {
        runs,
        missing,
        outcome: "timeout",
        reason: `the deadline passed with ${unfinished.length} of ${runs.length} runs unfinished: ${list(unfinished)}`,
        calls,
      };
    // Ctrl-C ends the wait at once, not after a pause of up to maxIntervalMs.
    await untilAborted(sleep(Math.min(interval, Math.max(0, deadline - now()))), options.signal);
    if (options.signal?.aborted) return interrupted();
    interval = Math.min(options.maxIntervalMs ?? 30_000, interval * 2);
  }
}

/** Resolves when `wait` does or `signal` aborts, whichever comes first. */
function untilAborted(wait: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return wait;
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => (signal.removeEventListener("abort", done), resolve());
    signal.addEventListener("abort", done, { once: true });
    void wait.then(done, done);
  });
}
