import type { LedgerEntry } from "@qac/schemas";

// One `--once-per` record to write, as the status server takes it
// (schemas/status-api/ledger-record.schema.json); the local state file stores the same.
export type { LedgerEntry };

/** What the ledger says about one desired run. */
export interface LedgerRecord {
  /** The run created or adopted; null while only the intent is known (the apply died in between). */
  runId: number | null;
  /** When the create was about to be sent (ISO 8601); null for records without an intent. */
  intentAt: string | null;
}

/**
 * Where `--once-per` records live: a local state file by default, the status server when one is
 * configured (and the local file too, see `createDurableLedger`). QAComplete runs cannot carry a
 * marker, so the record is kept beside them.
 */
export interface LedgerStore {
  /** identity → record for (project, applyIdentity); empty when none. */
  read(projectId: number, applyIdentity: string): Promise<Record<string, LedgerRecord>>;
  /**
   * Adds entries. An intent never replaces a run id; a run id completes an intent; re-recording
   * the same run is a no-op; another run id for the same identity is a conflict.
   */
  record(projectId: number, applyIdentity: string, entries: readonly LedgerEntry[]): Promise<void>;
}

/** Merges `entry` into `records` by the rules of {@link LedgerStore.record}; false on a conflict. */
export function mergeEntry(records: Record<string, LedgerRecord>, entry: LedgerEntry): boolean {
  const existing = records[entry.identity];
  if (entry.runId === null) {
    records[entry.identity] ??= { runId: null, intentAt: entry.intentAt ?? null };
    return true;
  }
  if (existing?.runId != null) return existing.runId === entry.runId;
  records[entry.identity] = { runId: entry.runId, intentAt: existing?.intentAt ?? entry.intentAt ?? null };
  return true;
}
