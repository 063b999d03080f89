import type { Database } from "better-sqlite3";
import type { LedgerEntry, LedgerStore } from "../store/status-store.js";

/** {@link LedgerStore} on SQLite. */
export function createSqliteLedgerStore(db: Database): LedgerStore {
  const all = db.prepare(
    "SELECT identity, run_id AS runId, recorded_at AS recordedAt FROM ledger WHERE project_id = ? AND apply_identity = ? ORDER BY recorded_at, identity",
  );
  const one = db.prepare(
    "SELECT identity, run_id AS runId, recorded_at AS recordedAt FROM ledger WHERE project_id = ? AND apply_identity = ? AND identity = ?",
  );
  const add = db.prepare(
    "INSERT INTO ledger (project_id, apply_identity, identity, run_id, recorded_at) VALUES (?, ?, ?, ?, ?)",
  );
  const record = db.transaction(
    (
      projectId: number,
      applyIdentity: string,
      entries: readonly { identity: string; runId: number }[],
      now: Date,
    ): ReturnType<LedgerStore["record"]> => {
      let added = 0;
      const seen = new Map<string, number>();
      for (const entry of entries) {
        const existing =
          (one.get(projectId, applyIdentity, entry.identity) as LedgerEntry | undefined) ??
          (seen.has(entry.identity)
            ? { identity: entry.identity, runId: seen.get(entry.identity)!, recordedAt: now.toISOString() }
            : undefined);
        if (existing) {
          // Throwing rolls the whole transaction back: all or nothing.
          if (existing.runId !== entry.runId) throw new LedgerConflict(existing);
          continue;
        }
        add.run(projectId, applyIdentity, entry.identity, entry.runId, now.toISOString());
        seen.set(entry.identity, entry.runId);
        added++;
      }
      return { ok: true, recorded: entries.length, added };
    },
  );
  return {
    entries: (projectId, applyIdentity) => all.all(projectId, applyIdentity) as LedgerEntry[],
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
  constructor(readonly existing: LedgerEntry) {
    super("ledger conflict");
  }
}
