import type { LedgerEntry, LedgerStore } from "./ledger-store.js";

/**
 * Records ledger entries as soon as they are known, batching those that arrive while a write is
 * in flight into the next write (one file rewrite or HTTP call per batch, not per run).
 */
export function createRecorder(store: LedgerStore, projectId: number, applyIdentity: string) {
  let pending: LedgerEntry[] = [];
  let writing: Promise<void> | null = null;
  let failure: Error | null = null;
  const pump = async (): Promise<void> => {
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        await store.record(projectId, applyIdentity, batch);
      } catch (error) {
        failure ??= error instanceof Error ? error : new Error(String(error));
      }
    }
    writing = null;
  };
  return {
    add(entry: LedgerEntry): void {
      pending.push(entry);
      writing ??= pump();
    },
    /** Waits for every entry to be written; throws the first write failure. */
    async flush(): Promise<void> {
      while (writing) await writing;
      if (failure) throw failure;
    },
  };
}
