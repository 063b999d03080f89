import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { RunnerError } from "../errors.js";
import type { LedgerEntry, LedgerStore } from "./ledger-store.js";

interface StateFile {
  version: 1;
  /** project id → apply identity → run identity → run id. */
  oncePer: Record<string, Record<string, Record<string, number>>>;
}

/** The default state file, relative to the working directory. */
export const DEFAULT_STATE_FILE = ".qac/state.json";

/**
 * A {@link LedgerStore} in a small JSON file (default `.qac/state.json`). Writes go to a temporary
 * file that is renamed over the old one, so a crash leaves either the old or the new state, never
 * half a file; writes within one process are serialised. Concurrent applies of one plan are
 * serialised by the lease, so two processes never write it at the same time for the same plan.
 */
export function createLocalLedger(file: string = DEFAULT_STATE_FILE): LedgerStore {
  let queue: Promise<unknown> = Promise.resolve();
  const load = async (): Promise<StateFile> => {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return { version: 1, oncePer: {} };
      throw new RunnerError("RUNNER_STATE_FILE", `cannot read the state file ${file}: ${(error as Error).message}`, { file }, { cause: error });
    }
    try {
      const parsed = JSON.parse(text) as StateFile;
      if (parsed.version !== 1 || typeof parsed.oncePer !== "object" || parsed.oncePer === null) throw new Error("expected { version: 1, oncePer: {...} }");
      return parsed;
    } catch (error) {
      throw new RunnerError("RUNNER_STATE_FILE", `the state file ${file} is not a qac state file (${(error as Error).message}); move it away to start afresh (earlier --once-per records are then forgotten)`, { file });
    }
  };
  return {
    async read(projectId, applyIdentity) {
      const state = await load();
      return { ...(state.oncePer[String(projectId)]?.[applyIdentity] ?? {}) };
    },
    record(projectId, applyIdentity, entries: readonly LedgerEntry[]) {
      const next = queue.then(async () => {
        if (entries.length === 0) return;
        const state = await load();
        const project = (state.oncePer[String(projectId)] ??= {});
        const record = (project[applyIdentity] ??= {});
        for (const e of entries) record[e.identity] ??= e.runId;
        await mkdir(dirname(file), { recursive: true });
        const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
        await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`, "utf8");
        await rename(temp, file);
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
