import type { Database } from "better-sqlite3";

/** One numbered schema step; applied once, in order, inside a transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The schema history. Never edit a released step: add the next number. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "applies, runs, live status, ledger, leases",
    sql: `
      CREATE TABLE applies (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        plan_name TEXT NOT NULL, plan_file TEXT, project_id INTEGER NOT NULL, project_name TEXT,
        apply_identity TEXT, status TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT,
        received_at TEXT NOT NULL, ci_json TEXT, user_name TEXT, summary_json TEXT NOT NULL,
        report_json TEXT NOT NULL
      );
      CREATE INDEX applies_plan ON applies (plan_name, id);
      CREATE TABLE plans (
        plan_name TEXT PRIMARY KEY,
        latest_apply_id INTEGER NOT NULL REFERENCES applies (id)
      ) WITHOUT ROWID;
      CREATE TABLE apply_runs (
        apply_id INTEGER NOT NULL REFERENCES applies (id), seq INTEGER NOT NULL,
        identity TEXT NOT NULL, title TEXT NOT NULL, kind TEXT NOT NULL, decision TEXT NOT NULL,
        outcome TEXT NOT NULL, project_id INTEGER NOT NULL, run_id INTEGER, reported_status TEXT,
        host_name TEXT, release_title TEXT, release_path TEXT, config_title TEXT,
        PRIMARY KEY (apply_id, seq)
      ) WITHOUT ROWID;
      CREATE INDEX apply_runs_run ON apply_runs (project_id, run_id);
      CREATE TABLE run_status (
        project_id INTEGER NOT NULL, run_id INTEGER NOT NULL, status TEXT,
        finished INTEGER NOT NULL DEFAULT 0, refreshed_at INTEGER NOT NULL,
        PRIMARY KEY (project_id, run_id)
      ) WITHOUT ROWID;
      CREATE INDEX run_status_unfinished ON run_status (finished, refreshed_at);
      CREATE TABLE ledger (
        project_id INTEGER NOT NULL, apply_identity TEXT NOT NULL, identity TEXT NOT NULL,
        run_id INTEGER NOT NULL, recorded_at TEXT NOT NULL,
        PRIMARY KEY (project_id, apply_identity, identity)
      ) WITHOUT ROWID;
      CREATE TABLE leases (
        id TEXT PRIMARY KEY, project_id INTEGER NOT NULL, plan TEXT NOT NULL, holder_json TEXT NOT NULL,
        acquired_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, ended_at INTEGER, end_reason TEXT
      );
      CREATE UNIQUE INDEX leases_live ON leases (project_id, plan) WHERE ended_at IS NULL;
    `,
  },
  {
    version: 2,
    name: "ledger intents: a run id may be missing while only the intent to create it is known",
    sql: `
      CREATE TABLE ledger_v2 (
        project_id INTEGER NOT NULL, apply_identity TEXT NOT NULL, identity TEXT NOT NULL,
        run_id INTEGER, intent_at TEXT, recorded_at TEXT NOT NULL,
        PRIMARY KEY (project_id, apply_identity, identity)
      ) WITHOUT ROWID;
      INSERT INTO ledger_v2 SELECT project_id, apply_identity, identity, run_id, NULL, recorded_at FROM ledger;
      DROP TABLE ledger;
      ALTER TABLE ledger_v2 RENAME TO ledger;
    `,
  },
];

/**
 * Brings the database to the newest schema: creates `schema_migrations` and applies every step
 * not recorded there, each in its own transaction (a crash leaves no half-applied step).
 * @returns the versions applied now
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT " +
      "NOT NULL)",
  );
  const done = new Set(
    (db.prepare("SELECT version FROM schema_migrations").all() as { version: number }[]).map((r) => r.version),
  );
  const applied: number[] = [];
  for (const step of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(step.version)) continue;
    db.transaction(() => {
      db.exec(step.sql);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
        step.version,
        step.name,
        new Date().toISOString(),
      );
    }).immediate();
    applied.push(step.version);
  }
  return applied;
}
