import type { Database } from "better-sqlite3";
import type { RunStatusChange, RunStatusStore, TrackedRun } from "../store/status-store.js";

/** {@link RunStatusStore} on SQLite. */
export function createSqliteRunStatusStore(db: Database): RunStatusStore {
  const unfinished = db.prepare(
    "SELECT project_id AS projectId, run_id AS runId, status, refreshed_at AS refreshedAt FROM run_status WHERE " +
      "finished = 0 ORDER BY refreshed_at, project_id, run_id LIMIT ?",
  );
  const current = db.prepare("SELECT status FROM run_status WHERE project_id = ? AND run_id = ?");
  const write = db.prepare(
    "UPDATE run_status SET status = ?, finished = ?, refreshed_at = ? WHERE project_id = ? AND run_id = ?",
  );
  const lag = db.prepare(
    "SELECT COUNT(*) AS unfinished, MIN(refreshed_at) AS oldest FROM run_status WHERE finished = 0",
  );
  const update = db.transaction((updates: Parameters<RunStatusStore["update"]>[0], at: number): RunStatusChange[] => {
    const changes: RunStatusChange[] = [];
    for (const u of updates) {
      const row = current.get(u.projectId, u.runId) as { status: string | null } | undefined;
      if (!row) continue;
      write.run(u.status ?? row.status, u.finished ? 1 : 0, at, u.projectId, u.runId);
      if (u.status !== null && u.status !== row.status) changes.push({ ...u, previous: row.status });
    }
    return changes;
  });
  return {
    unfinished: (limit) => unfinished.all(limit) as TrackedRun[],
    update: (updates, refreshedAt) => update.immediate(updates, refreshedAt.getTime()),
    lag() {
      const row = lag.get() as { unfinished: number; oldest: number | null };
      return { unfinished: row.unfinished, oldestRefreshMs: row.oldest };
    },
  };
}
