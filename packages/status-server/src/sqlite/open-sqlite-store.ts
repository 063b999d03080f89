import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { StatusServerError } from "../errors.js";
import type { StatusStore } from "../store/status-store.js";
import { migrate } from "./migrations.js";
import { createSqliteApplyStore } from "./sqlite-apply-store.js";
import { createSqliteLeaseStore } from "./sqlite-lease-store.js";
import { createSqliteLedgerStore } from "./sqlite-ledger-store.js";
import { createSqliteRunStatusStore } from "./sqlite-run-status-store.js";

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** How long a writer waits for another process's write lock, in ms. @default 5000 */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating and migrating when needed) the status server's SQLite database: one file, WAL,
 * `synchronous=FULL` so an acknowledged write is on disk before the answer leaves (it survives
 * `kill -9` and a power cut), a busy timeout so several writers queue instead of failing.
 * @param file path of the database file (its directory is created), or ":memory:" for tests
 * @example const store = openSqliteStore("/var/lib/qac/status.db")
 */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): StatusStore {
  let db: Database.Database;
  try {
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
  } catch (error) {
    throw new StatusServerError(
      "STATUS_STORE",
      `Cannot open the status database ${file}: ${(error as Error).message}. Check that the directory exists and is ` +
        `writable.`,
    );
  }
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  migrate(db);
  let ownChanges = 0;
  const counted = <T extends object>(store: T, writes: readonly (keyof T)[]): T => {
    const wrapped = { ...store };
    for (const key of writes) {
      const fn = store[key] as (...args: unknown[]) => unknown;
      (wrapped as Record<keyof T, unknown>)[key] = (...args: unknown[]) => {
        ownChanges++;
        return fn(...args);
      };
    }
    return wrapped;
  };
  const dataVersion = db.prepare("PRAGMA data_version").pluck();
  return {
    applies: counted(createSqliteApplyStore(db), ["insert"]),
    runStatus: counted(createSqliteRunStatusStore(db), ["update"]),
    ledger: createSqliteLedgerStore(db),
    leases: createSqliteLeaseStore(db),
    // data_version moves when another connection commits; our own writes are counted here.
    version: () => ownChanges * 1_000_000 + (dataVersion.get() as number),
    check: () => void db.prepare("SELECT 1").get(),
    close: () => db.close(),
  };
}
