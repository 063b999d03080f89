import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { TestRun } from "@qac/core";

/** The fields of a run that tell it apart from another run that got the same id elsewhere. */
export type RunFingerprint = Pick<
  TestRun,
  "id" | "project_id" | "test_config_id" | "release_id" | "run_by_user_id" | "date_started"
>;

/**
 * Remembers which test a single-test run runs. A run's test never changes, but the API names it
 * only on the run's item (one call per run), so a cache turns a re-apply's item reads into none
 * for runs qac created or has seen before. It is only a cache: losing it costs calls, not
 * correctness. An entry is keyed by the run's id *and* its fingerprint (project, configuration,
 * release, user, start date) within a scope (the server): a run id reused by another server, a
 * restarted simulator or a restored database then misses the cache instead of lending its test to
 * a different run (which would mark a desired run satisfied by a run of another test).
 */
export interface RunTestCache {
  /** Cached test ids of these runs, by run id (absent: unknown). */
  get(runs: readonly RunFingerprint[]): Promise<Map<number, number>>;
  put(entries: readonly { run: RunFingerprint; testId: number }[]): Promise<void>;
}

/** Entries kept; the oldest written are dropped first. */
const RUN_TEST_CACHE_LIMIT = 200_000;

/**
 * A {@link RunTestCache} in a JSON file (default `.qac/run-tests.json`), written atomically.
 * `scope` names the server (the CLI passes its URL), so two servers never share entries.
 */
export function createLocalRunTestCache(file = ".qac/run-tests.json", options: { scope?: string } = {}): RunTestCache {
  let queue: Promise<unknown> = Promise.resolve();
  const key = (r: RunFingerprint) =>
    JSON.stringify([
      options.scope ?? "",
      r.project_id,
      r.id,
      r.test_config_id ?? 0,
      r.release_id,
      r.run_by_user_id ?? 0,
      r.date_started ?? "",
    ]);
  const load = async (): Promise<Record<string, number>> => {
    try {
      const value = JSON.parse(await readFile(file, "utf8")) as { version?: number; runs?: Record<string, number> };
      // Version 1 kept bare run ids, which another server can reuse: dropped.
      return value.version === 2 && typeof value.runs === "object" && value.runs !== null ? value.runs : {};
    } catch {
      // Missing or unreadable: start empty (it is a cache).
      return {};
    }
  };
  return {
    async get(runs) {
      const stored = await load();
      const out = new Map<number, number>();
      for (const run of runs) {
        const testId = stored[key(run)];
        if (typeof testId === "number") out.set(run.id, testId);
      }
      return out;
    },
    put(entries) {
      const next = queue.then(async () => {
        if (entries.length === 0) return;
        const runs = await load();
        for (const { run, testId } of entries) runs[key(run)] = testId;
        const keys = Object.keys(runs);
        // Keys keep insertion order (none is an integer), so the first are the oldest.
        for (const k of keys.slice(0, Math.max(0, keys.length - RUN_TEST_CACHE_LIMIT))) delete runs[k];
        await mkdir(dirname(file), { recursive: true });
        const temp = `${file}.${randomUUID()}.tmp`;
        await writeFile(temp, JSON.stringify({ version: 2, runs }), "utf8");
        await rename(temp, file);
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
