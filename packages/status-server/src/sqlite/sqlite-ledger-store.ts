import type { Database } from "better-sqlite3";
import type { LedgerEntry } from "@qac/schemas";
import type { LedgerStore, StoredLedgerEntry } from "../store/status-store.js";

const COLUMNS = "identity, run_id AS runId, intent_at AS intentAt, recorded_at AS recordedAt";

/** {@link LedgerStore} on SQLite. */
export function createSqliteLedgerStore(db: Database): LedgerStore {
  const all = db.prepare(
    `SELECT ${COLUMNS} FROM ledger WHERE project_id = ? AND apply_identity = ? ORDER BY recorded_at, identity`,
  );
  const one = db.prepare(`SELECT ${COLUMNS} FROM ledger WHERE project_id = ? AND apply_identity = ? AND identity = ?`);
  const add = db.prepare(
    "INSERT INTO ledger (project_id, apply_identity, identity, run_id, intent_at, recorded_at) VALUES (?, ?, ?, ?, " +
      "?, ?)",
  );
  const complete = db.prepare(
    "UPDATE ledger SET run_id = ?, recorded_at = ? WHERE project_id = ? AND apply_identity = ? AND identity = ?",
  );
  const record = db.transaction(
    (
      projectId: number,
      applyIdentity: string,
      entries: readonly LedgerEntry[],
      now: Date,
    ): ReturnType<LedgerStore["record"]> => {
      let added = 0;
      for (const entry of entries) {
        const existing = one.get(projectId, applyIdentity, entry.identity) as StoredLedgerEntry | undefined;
        if (!existing) {
          add.run(projectId, applyIdentity, entry.identity, entry.runId, entry.intentAt ?? null, now.toISOString());
          added++;
        } else if (entry.runId === null || existing.runId === entry.runId) {
          continue; // an intent never replaces anything; the same run again is a no-op
        } else if (existing.runId === null) {
          complete.run(entry.runId, now.toISOString(), projectId, applyIdentity, entry.identity);
          added++;
        } else {
          // Throwing rolls the whole transaction back: all or nothing.
          throw new LedgerConflict(existing);
        }
      }
      return { ok: true, recorded: entries.length, added };
    },
  );
  return {
    entries: (projectId, applyIdentity) => all.all(projectId, applyIdentity) as StoredLedgerEntry[],
    record(projectId, applyIdentity, entries, now) {
      try {
        return record.immediate(projectId, applyIdentity, entries, now);
      } catch (error) {
        if (error instanceof LedgerConflict) return { ok: false, existing: error.existing };
        throw error;
      }
    },
  };
}

class LedgerConflict extends Error {
  constructor(readonly existing: StoredLedgerEntry) {
    super("ledger conflict");
  }
}
