import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { RunnerError } from "../errors.js";
import type { LedgerEntry, LedgerStore } from "./ledger-store.js";
import { withFileLock } from "./with-file-lock.js";

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
 * half a file. Writes are serialised within one process by a queue and across processes by a
 * lock file (`state.json.lock`): applies of two different plans share the file and are not
 * serialised by the lease, so each write re-reads the file under the lock and loses no record.
 */
export function createLocalLedger(file: string = DEFAULT_STATE_FILE): LedgerStore {
  let queue: Promise<unknown> = Promise.resolve();
  const load = async (): Promise<StateFile> => {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return { version: 1, oncePer: {} };
      throw new RunnerError(
        "RUNNER_STATE_FILE",
        `cannot read the state file ${file}: ${(error as Error).message}`,
        { file },
        { cause: error },
      );
    }
    try {
      const parsed = JSON.parse(text) as StateFile;
      if (parsed.version !== 1 || typeof parsed.oncePer !== "object" || parsed.oncePer === null)
        throw new Error("expected { version: 1, oncePer: {...} }");
      return parsed;
    } catch (error) {
      throw new RunnerError(
        "RUNNER_STATE_FILE",
        `the state file ${file} is not a qac state file (${(error as Error).message}); move it away to start afresh (earlier --once-per records are then forgotten)`,
        { file },
      );
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
        await mkdir(dirname(file), { recursive: true });
        // Another process (another plan's apply) may be writing too: read-modify-write under a file lock.
        await withFileLock(file, async () => {
          const state = await load();
          const project = (state.oncePer[String(projectId)] ??= {});
          const record = (project[applyIdentity] ??= {});
          for (const e of entries) record[e.identity] ??= e.runId;
          const temp = `${file}.${randomUUID()}.tmp`;
          await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`, "utf8");
          await rename(temp, file);
        });
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
