import { isRunnerError, RunnerError } from "../errors.js";
import { mergeEntry, type LedgerEntry, type LedgerRecord, type LedgerStore } from "./ledger-store.js";
import type { LocalLedger } from "./local-ledger.js";

/** A status server's ledger, named by its URL. */
export interface RemoteLedger {
  url: string;
  store: LedgerStore;
}

/** The `--once-per` ledger an apply writes to: durable in at least one place, or it says so. */
export interface DurableLedger extends LedgerStore {
  /**
   * Sends the records the status server has not acknowledged (kept in the local file while it was
   * unreachable); returns how many are still only local.
   */
  sync(projectId: number, applyIdentity: string): Promise<number>;
}

/**
 * Writes every record to the local state file and, when one is configured, to the status server
 * (whose client retries a server that is briefly down). A record is durable when either took it:
 * one the server did not take stays marked in the local file and is sent again by {@link sync}
 * and by the next read (`onNotice` says so). Only a record neither took throws, so the caller can
 * name the runs to look at. Reads merge both, the server first (it is shared by every CI machine).
 */
export function createDurableLedger(
  local: LocalLedger,
  remote: RemoteLedger | null,
  onNotice: (message: string) => void = () => undefined,
): DurableLedger {
  const conflict = (error: unknown) => isRunnerError(error, "RUNNER_LEDGER_CONFLICT");
  let warned = false;
  const sync = async (projectId: number, applyIdentity: string): Promise<number> => {
    if (!remote) return 0;
    const pending = await local.unsynced(remote.url, projectId, applyIdentity);
    if (pending.length === 0) return 0;
    try {
      await remote.store.record(projectId, applyIdentity, pending);
    } catch (error) {
      if (conflict(error)) throw error;
      return pending.length;
    }
    await local.clearUnsynced(
      remote.url,
      projectId,
      applyIdentity,
      pending.map((e) => e.identity),
    );
    onNotice(`sent ${pending.length} --once-per record(s) kept in ${local.file} to the status server ${remote.url}`);
    return 0;
  };
  return {
    sync,
    async read(projectId, applyIdentity) {
      if (!remote) return local.read(projectId, applyIdentity);
      // Records kept locally while the server was away go first, so the server's view is whole.
      await sync(projectId, applyIdentity);
      const merged: Record<string, LedgerRecord> = { ...(await remote.store.read(projectId, applyIdentity)) };
      for (const [identity, record] of Object.entries(await local.read(projectId, applyIdentity)))
        mergeEntry(merged, { identity, ...record });
      return merged;
    },
    async record(projectId, applyIdentity, entries: readonly LedgerEntry[]) {
      let localError: Error | null = null;
      try {
        await local.record(projectId, applyIdentity, entries);
      } catch (error) {
        if (conflict(error)) throw error;
        localError = error instanceof Error ? error : new Error(String(error));
      }
      if (!remote) {
        if (localError) throw localError;
        return;
      }
      try {
        await remote.store.record(projectId, applyIdentity, entries);
        return;
      } catch (error) {
        if (conflict(error)) throw error;
        if (localError === null) {
          try {
            await local.markUnsynced(remote.url, projectId, applyIdentity, entries);
            if (!warned)
              onNotice(
                `the status server ${remote.url} did not take --once-per records (${(error as Error).message}); ` +
                  `they are kept in ${local.file} and sent when it answers again`,
              );
            warned = true;
            return;
          } catch (marking) {
            localError = marking instanceof Error ? marking : new Error(String(marking));
          }
        }
        throw new RunnerError(
          "RUNNER_RECORD_NOT_DURABLE",
          `the --once-per record could be written neither to ${local.file} (${localError.message}) nor to the ` +
            `status server (${(error as Error).message})`,
          {
            identities: entries.map((e) => e.identity),
            runIds: entries.flatMap((e) => (e.runId === null ? [] : [e.runId])),
          },
          { cause: error },
        );
      }
    },
  };
}
