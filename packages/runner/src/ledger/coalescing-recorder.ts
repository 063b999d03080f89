import type { LedgerEntry, LedgerStore } from "./ledger-store.js";

/** What failed to be recorded, and why. */
export interface RecordFailure {
  entry: LedgerEntry;
  error: Error;
}

/**
 * Records ledger entries as soon as they are known, batching those that arrive while a write is
 * in flight into the next write (one file rewrite or HTTP call per batch, not per run). `add`
 * resolves once its entry is durable and rejects when its batch could not be written; `flush`
 * waits for everything and lists what failed.
 */
export function createRecorder(store: LedgerStore, projectId: number, applyIdentity: string) {
  let pending: { entry: LedgerEntry; done: (error: Error | null) => void }[] = [];
  let writing: Promise<void> | null = null;
  const failures: RecordFailure[] = [];
  const pump = async (): Promise<void> => {
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      let failure: Error | null = null;
      try {
        await store.record(
          projectId,
          applyIdentity,
          batch.map((b) => b.entry),
        );
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
        for (const b of batch) failures.push({ entry: b.entry, error: failure });
      }
      for (const b of batch) b.done(failure);
    }
    writing = null;
  };
  return {
    add(entry: LedgerEntry): Promise<void> {
      const written = new Promise<void>((resolve, reject) =>
        pending.push({ entry, done: (error) => (error ? reject(error) : resolve()) }),
      );
      writing ??= pump();
      return written;
    },
    /** Waits for every entry to be written; returns those that could not be. */
    async flush(): Promise<RecordFailure[]> {
      while (writing) await writing;
      return failures;
    },
  };
}

/** The `--once-per` records of one apply, written in batches (see {@link createRecorder}). */
export type Recorder = ReturnType<typeof createRecorder>;
