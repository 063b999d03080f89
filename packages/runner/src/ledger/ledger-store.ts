/** One `--once-per` record: the run an apply with that id created (or adopted) for a desired run. */
export interface LedgerEntry {
  identity: string;
  runId: number;
}

/**
 * Where `--once-per` records live: a local state file by default, the status server when one is
 * configured. QAComplete runs cannot carry a marker, so the record is kept beside them.
 */
export interface LedgerStore {
  /** identity → run id recorded for (project, applyIdentity); empty when none. */
  read(projectId: number, applyIdentity: string): Promise<Record<string, number>>;
  /** Adds entries; re-recording the same identity with the same run is a no-op. */
  record(projectId: number, applyIdentity: string, entries: readonly LedgerEntry[]): Promise<void>;
}
