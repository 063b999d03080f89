import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * Remembers which test a single-test run runs. A run's test never changes, but the API names it
 * only on the run's item (one call per run), so a cache turns a re-apply's item reads into none
 * for runs qac created or has seen before. It is only a cache: losing it costs calls, not
 * correctness.
 */
export interface RunTestCache {
  /** Cached test ids of these runs (absent: unknown). */
  get(runIds: readonly number[]): Promise<Map<number, number>>;
  put(entries: ReadonlyMap<number, number>): Promise<void>;
}

/** Entries kept; the lowest run ids (the oldest runs, long finished) are dropped first. */
export const RUN_TEST_CACHE_LIMIT = 200_000;

/** A {@link RunTestCache} in a JSON file (default `.qac/run-tests.json`), written atomically. */
export function createLocalRunTestCache(file = ".qac/run-tests.json"): RunTestCache {
  let queue: Promise<unknown> = Promise.resolve();
  const load = async (): Promise<Record<string, number>> => {
    try {
      const value = JSON.parse(await readFile(file, "utf8")) as { version?: number; runs?: Record<string, number> };
      return value.version === 1 && typeof value.runs === "object" && value.runs !== null ? value.runs : {};
    } catch {
      // Missing or unreadable: start empty (it is a cache).
      return {};
    }
  };
  return {
    async get(runIds) {
      const runs = await load();
      const out = new Map<number, number>();
      for (const id of runIds) {
        const testId = runs[String(id)];
        if (typeof testId === "number") out.set(id, testId);
      }
      return out;
    },
    put(entries) {
      const next = queue.then(async () => {
        if (entries.size === 0) return;
        const runs = await load();
        for (const [runId, testId] of entries) runs[String(runId)] = testId;
        const ids = Object.keys(runs);
        if (ids.length > RUN_TEST_CACHE_LIMIT) for (const id of ids.map(Number).sort((a, b) => a - b).slice(0, ids.length - RUN_TEST_CACHE_LIMIT)) delete runs[String(id)];
        await mkdir(dirname(file), { recursive: true });
        const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
        await writeFile(temp, JSON.stringify({ version: 1, runs }), "utf8");
        await rename(temp, file);
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
