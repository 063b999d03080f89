import { randomUUID } from "node:crypto";
import type { Database } from "better-sqlite3";
import type { LeaseHolder, StatusLease } from "@qac/schemas";
import type { LeaseStore } from "../store/status-store.js";

interface LeaseRow {
  id: string;
  project_id: number;
  plan: string;
  holder_json: string;
  acquired_at: number;
  expires_at: number;
  ended_at: number | null;
}

const toLease = (row: LeaseRow): StatusLease => ({
  id: row.id,
  project: row.project_id,
  plan: row.plan,
  holder: JSON.parse(row.holder_json) as LeaseHolder,
  acquiredAt: new Date(row.acquired_at).toISOString(),
  expiresAt: new Date(row.expires_at).toISOString(),
});

/**
 * {@link LeaseStore} on SQLite. A partial unique index allows one live lease per (project, plan);
 * a lease past its expiry is ended lazily by whoever looks next, so a dead holder's lease goes
 * away by itself without a sweeper.
 */
export function createSqliteLeaseStore(db: Database): LeaseStore {
  const expire = db.prepare(
    "UPDATE leases SET ended_at = expires_at, end_reason = 'expired' WHERE ended_at IS NULL AND expires_at <= ?",
  );
  const live = db.prepare("SELECT * FROM leases WHERE project_id = ? AND plan = ? AND ended_at IS NULL");
  const byId = db.prepare("SELECT * FROM leases WHERE id = ?");
  const insert = db.prepare(
    "INSERT INTO leases (id, project_id, plan, holder_json, acquired_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const extend = db.prepare("UPDATE leases SET expires_at = ? WHERE id = ?");
  const end = db.prepare("UPDATE leases SET ended_at = ?, end_reason = ? WHERE id = ?");
  const list = db.prepare("SELECT * FROM leases WHERE ended_at IS NULL AND expires_at > ? ORDER BY project_id, plan");

  const acquire = db.transaction(
    (request: Parameters<LeaseStore["acquire"]>[0], now: number): ReturnType<LeaseStore["acquire"]> => {
      expire.run(now);
      const held = live.get(request.project, request.plan) as LeaseRow | undefined;
      if (held) {
        const current = toLease(held);
        // A takeover of a lease whose holder's process is gone: the requester, on the same host,
        // checked that the PID no longer runs (the server cannot); anything else waits.
        const sameHost = current.holder.host !== undefined && current.holder.host === request.holder.host;
        if (request.replaces !== held.id || !sameHost) return { ok: false, current };
        end.run(now, "holder gone", held.id);
      }
      const id = randomUUID();
      insert.run(
        id,
        request.project,
        request.plan,
        JSON.stringify(request.holder),
        now,
        now + request.ttlSeconds * 1000,
      );
      return { ok: true, lease: toLease(byId.get(id) as LeaseRow) };
    },
  );
  const renew = db.transaction((id: string, ttlSeconds: number, now: number): ReturnType<LeaseStore["renew"]> => {
    expire.run(now);
    const row = byId.get(id) as LeaseRow | undefined;
    if (!row) return "missing";
    if (row.ended_at !== null) return "ended";
    extend.run(now + ttlSeconds * 1000, id);
    return toLease({ ...row, expires_at: now + ttlSeconds * 1000 });
  });
  const finish = db.transaction((id: string, reason: string, now: number): ReturnType<LeaseStore["end"]> => {
    expire.run(now);
    const row = byId.get(id) as LeaseRow | undefined;
    if (!row) return "missing";
    if (row.ended_at !== null) return "already-ended";
    end.run(now, reason, id);
    return toLease(row);
  });
  return {
    acquire: (request, now) => acquire.immediate(request, now.getTime()),
    renew: (id, ttlSeconds, now) => renew.immediate(id, ttlSeconds, now.getTime()),
    end: (id, reason, now) => finish.immediate(id, reason, now.getTime()),
    list: (now) => (list.all(now.getTime()) as LeaseRow[]).map(toLease),
  };
}
