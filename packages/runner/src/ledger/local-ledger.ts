import { randomUUID } from "node:crypto";
import { mkdir, open, readFile, rename } from "node:fs/promises";
import { dirname } from "node:path";
import { RunnerError } from "../errors.js";
import { mergeEntry, type LedgerEntry, type LedgerRecord, type LedgerStore } from "./ledger-store.js";
import { withFileLock } from "./with-file-lock.js";

type Records = Record<string, Record<string, Record<string, LedgerRecord>>>;

interface StateFile {
  version: 2;
  /** project id → apply identity → run identity → record. */
  oncePer: Records;
  /** Records a status server has not acknowledged yet: status URL → the same nesting. */
  unsynced: Record<string, Records>;
}

/** A {@link LedgerStore} in a local file, which also keeps what a status server has not acknowledged. */
export interface LocalLedger extends LedgerStore {
  readonly file: string;
  /** Entries recorded here that `target` (a status server URL) has not acknowledged. */
  unsynced(target: string, projectId: number, applyIdentity: string): Promise<LedgerEntry[]>;
  /** Notes entries `target` did not take (it was unreachable), to replay them later. */
  markUnsynced(
    target: string,
    projectId: number,
    applyIdentity: string,
    entries: readonly LedgerEntry[],
  ): Promise<void>;
  /** Forgets unsynced entries `target` has now acknowledged. */
  clearUnsynced(target: string, projectId: number, applyIdentity: string, identities: readonly string[]): Promise<void>;
}

/** The default state file, relative to the working directory. */
export const DEFAULT_STATE_FILE = ".qac/state.json";

const toEntries = (records: Record<string, LedgerRecord>): LedgerEntry[] =>
  Object.entries(records).map(([identity, r]) => ({ identity, runId: r.runId, intentAt: r.intentAt }));

/**
 * A {@link LedgerStore} in a small JSON file (default `.qac/state.json`). Writes go to a temporary
 * file that is flushed to disk and renamed over the old one, so a crash (or a power cut) leaves
 * either the old or the new state, never half a file. Writes are serialised within one process by
 * a queue and across processes by a lock file (`state.json.lock`), and each write re-reads the
 * file under the lock, so applies of two plans sharing the file lose no record. Reads files
 * written by earlier versions (version 1: identity → run id).
 */
export function createLocalLedger(file: string = DEFAULT_STATE_FILE): LocalLedger {
  let queue: Promise<unknown> = Promise.resolve();
  const load = async (): Promise<StateFile> => {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return { version: 2, oncePer: {}, unsynced: {} };
      throw new RunnerError(
        "RUNNER_STATE_FILE",
        `cannot read the state file ${file}: ${(error as Error).message}`,
        { file },
        { cause: error },
      );
    }
    try {
      return upgrade(JSON.parse(text) as unknown);
    } catch (error) {
      throw new RunnerError(
        "RUNNER_STATE_FILE",
        `the state file ${file} is not a qac state file (${(error as Error).message}); move it away to start afresh ` +
          `(earlier --once-per records are then forgotten)`,
        { file },
      );
    }
  };
  /** Read-modify-write under the file lock, after the writes queued before it. */
  const change = (edit: (state: StateFile) => void): Promise<void> => {
    const next = queue.then(async () => {
      await mkdir(dirname(file), { recursive: true });
      await withFileLock(file, async () => {
        const state = await load();
        edit(state);
        const temp = `${file}.${randomUUID()}.tmp`;
        const handle = await open(temp, "w");
        try {
          await handle.writeFile(`${JSON.stringify(state, null, 2)}\n`, "utf8");
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, file);
      });
    });
    queue = next.catch(() => undefined);
    return next;
  };
  const at = (records: Records, projectId: number, applyIdentity: string) =>
    ((records[String(projectId)] ??= {})[applyIdentity] ??= {});
  return {
    file,
    async read(projectId, applyIdentity) {
      const state = await load();
      return { ...(state.oncePer[String(projectId)]?.[applyIdentity] ?? {}) };
    },
    record(projectId, applyIdentity, entries) {
      if (entries.length === 0) return Promise.resolve();
      return change((state) => {
        const records = at(state.oncePer, projectId, applyIdentity);
        for (const entry of entries)
          if (!mergeEntry(records, entry))
            throw new RunnerError(
              "RUNNER_LEDGER_CONFLICT",
              `${file} already records run ${records[entry.identity]!.runId} for ${entry.identity} under --once-per ` +
                `${applyIdentity}, not run ${entry.runId}`,
              { applyIdentity, identity: entry.identity },
            );
      });
    },
    async unsynced(target, projectId, applyIdentity) {
      const state = await load();
      return toEntries(state.unsynced[target]?.[String(projectId)]?.[applyIdentity] ?? {});
    },
    markUnsynced(target, projectId, applyIdentity, entries) {
      if (entries.length === 0) return Promise.resolve();
      return change((state) => {
        const records = at((state.unsynced[target] ??= {}), projectId, applyIdentity);
        for (const entry of entries) {
          // A run id supersedes an intent waiting to be sent.
          if (entry.runId !== null && records[entry.identity]?.runId === null) delete records[entry.identity];
          mergeEntry(records, entry);
        }
      });
    },
    clearUnsynced(target, projectId, applyIdentity, identities) {
      if (identities.length === 0) return Promise.resolve();
      return change((state) => {
        const records = state.unsynced[target]?.[String(projectId)]?.[applyIdentity];
        for (const identity of identities) if (records) delete records[identity];
      });
    },
  };
}

/** Reads a state file of any version into version 2. */
function upgrade(value: unknown): StateFile {
  const v = value as { version?: unknown; oncePer?: unknown; unsynced?: unknown } | null;
  if (v === null || typeof v !== "object" || typeof v.oncePer !== "object" || v.oncePer === null)
    throw new Error("expected { version, oncePer: {...} }");
  if (v.version === 2)
    return { version: 2, oncePer: v.oncePer as Records, unsynced: (v.unsynced ?? {}) as StateFile["unsynced"] };
  if (v.version !== 1) throw new Error(`unknown version ${JSON.stringify(v.version)}`);
  const oncePer: Records = {};
  for (const [project, byApply] of Object.entries(v.oncePer as Record<string, Record<string, Record<string, number>>>))
    for (const [apply, byIdentity] of Object.entries(byApply))
      for (const [identity, runId] of Object.entries(byIdentity))
        ((oncePer[project] ??= {})[apply] ??= {})[identity] = { runId, intentAt: null };
  return { version: 2, oncePer, unsynced: {} };
}
