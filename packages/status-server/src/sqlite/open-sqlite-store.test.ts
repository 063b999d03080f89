import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { report, reportRun } from "../test-support/fixtures.js";
import { MIGRATIONS, migrate } from "./migrations.js";
import { openSqliteStore } from "./open-sqlite-store.js";

const child = fileURLToPath(new URL("../test-support/store-child.ts", import.meta.url));
const dirs: string[] = [];
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), "qac-status-"));
  dirs.push(dir);
  return join(dir, "status.db");
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Starts the child store process; resolves with it once it printed `until`. */
function startChild(args: string[], until: string) {
  const proc = spawn(process.execPath, ["--import", "tsx", "--conditions=qac-source", child, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  proc.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const ready = new Promise<string>((resolve, reject) => {
    proc.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes(until)) resolve(out);
    });
    proc.on("exit", (code) => (out.includes(until) ? undefined : reject(new Error(`child exited ${code}: ${err}`))));
  });
  return { proc, ready };
}

describe("openSqliteStore", () => {
  it("creates the schema through numbered migrations recorded in schema_migrations, once", () => {
    const file = tempDb();
    openSqliteStore(file).close();
    openSqliteStore(file).close();
    const db = new Database(file);
    expect(db.prepare("SELECT version FROM schema_migrations").pluck().all()).toEqual(MIGRATIONS.map((m) => m.version));
    expect(migrate(db)).toEqual([]);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("applies a new migration step on the next open without touching older data", () => {
    const file = tempDb();
    const store = openSqliteStore(file);
    store.applies.insert(report(), new Date());
    store.close();
    const db = new Database(file);
    expect(
      migrate(db, [
        ...MIGRATIONS,
        { version: MIGRATIONS.length + 1, name: "note column", sql: "ALTER TABLE applies ADD COLUMN note TEXT" },
      ]),
    ).toEqual([MIGRATIONS.length + 1]);
    expect(db.prepare("SELECT COUNT(*) FROM applies").pluck().get()).toBe(1);
    db.close();
  });

  it("moves ledger entries of the first schema into the one with intents, keeping every run id", () => {
    const file = tempDb();
    const db = new Database(file);
    migrate(db, MIGRATIONS.slice(0, 1));
    db.prepare("INSERT INTO ledger VALUES (1001, 'sha', 'a', 7, '2026-12-01T09:00:00.000Z')").run();
    db.close();
    const store = openSqliteStore(file);
    expect(store.ledger.entries(1001, "sha")).toEqual([
      { identity: "a", runId: 7, intentAt: null, recordedAt: "2026-12-01T09:00:00.000Z" },
    ]);
    store.close();
  });

  it("keeps an intent until its run id arrives; an intent never replaces a run id", () => {
    const store = openSqliteStore(tempDb());
    const now = new Date("2026-12-01T09:00:00Z");
    const at = "2026-12-01T08:59:59.000Z";
    expect(store.ledger.record(1001, "sha", [{ identity: "a", runId: null, intentAt: at }], now)).toMatchObject({
      ok: true,
      added: 1,
    });
    expect(store.ledger.entries(1001, "sha")).toMatchObject([{ identity: "a", runId: null, intentAt: at }]);
    expect(store.ledger.record(1001, "sha", [{ identity: "a", runId: 5 }], now)).toMatchObject({ ok: true, added: 1 });
    expect(store.ledger.record(1001, "sha", [{ identity: "a", runId: null, intentAt: at }], now)).toMatchObject({
      ok: true,
      added: 0,
    });
    expect(store.ledger.entries(1001, "sha")).toMatchObject([{ identity: "a", runId: 5, intentAt: at }]);
    expect(store.ledger.record(1001, "sha", [{ identity: "a", runId: 6 }], now)).toMatchObject({ ok: false });
    store.close();
  });

  it("keeps applies, live statuses, ledger entries and leases across a restart", () => {
    const file = tempDb();
    const now = new Date("2026-12-01T09:00:00Z");
    let store = openSqliteStore(file);
    const id = store.applies.insert(report({ runs: [reportRun({ runId: 7 })] }), now);
    store.runStatus.update([{ projectId: 1001, runId: 7, status: "Passed", finished: true }], now);
    store.ledger.record(1001, "nightly-42", [{ identity: "a", runId: 7 }], now);
    const lease = store.leases.acquire({ project: 1001, plan: "nightly", holder: { name: "ci" }, ttlSeconds: 60 }, now);
    store.close();

    store = openSqliteStore(file);
    expect(store.applies.get(id)).toMatchObject({ id, plan: { name: "nightly" } });
    expect(store.applies.runs({ limit: 10, offset: 0 }).runs[0]).toMatchObject({
      runId: 7,
      status: "Passed",
      finished: true,
    });
    expect(store.ledger.entries(1001, "nightly-42")).toMatchObject([{ identity: "a", runId: 7 }]);
    expect(store.leases.list(now)).toEqual([lease.ok ? lease.lease : null]);
    store.close();
  });

  it("keeps an acknowledged write after the writer is killed with SIGKILL", async () => {
    const file = tempDb();
    const { proc, ready } = startChild([file, "ack", "1", "k"], "ACK");
    const out = await ready;
    proc.kill("SIGKILL");
    await new Promise((resolve) => proc.once("exit", resolve));
    const id = Number(/ACK (\d+)/.exec(out)![1]);
    const store = openSqliteStore(file);
    expect(store.applies.get(id)).toMatchObject({ plan: { name: "killed-k" } });
    store.close();
  });

  it("lets several processes write to one database at once without losing a write", async () => {
    const file = tempDb();
    openSqliteStore(file).close();
    const writers = ["a", "b", "c"].map((tag) => startChild([file, "writer", "40", tag], "DONE"));
    await Promise.all(writers.map((w) => w.ready));
    const store = openSqliteStore(file);
    expect(store.applies.list({ limit: 500, offset: 0 }).total).toBe(120);
    expect(store.applies.plans()).toHaveLength(120);
    store.close();
  });
});
