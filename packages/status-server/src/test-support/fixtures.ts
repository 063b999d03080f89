import type { ApplyReport, ReportRun } from "@qac/schemas";
import { buildServer } from "../build-server.js";
import type { StatusServerOptions } from "../options.js";
import { openSqliteStore } from "../sqlite/open-sqlite-store.js";

export const TOKEN = "write-token-0123456789abcdef";
export const ADMIN = "admin-token-0123456789abcdef";
export const auth = (token = TOKEN) => ({ authorization: `Bearer ${token}` });

/** A desired run of a report. */
export function reportRun(overrides: Partial<ReportRun> = {}): ReportRun {
  return {
    identity: "test:Login smoke",
    runKey: "test:2001",
    kind: "test",
    testId: 2001,
    testSetId: null,
    title: "Login smoke",
    configuration: { id: 31, title: "Chrome" },
    release: { id: 41, title: "1.0", path: "Web Shop 1.0" },
    host: { id: 101, name: "build-agent-01" },
    decision: "create",
    outcome: "created",
    runId: 9001,
    reason: "no run yet",
    status: "Awaiting Run",
    ...overrides,
  };
}

/** An apply report as the runner sends it. */
export function report(overrides: Partial<ApplyReport> = {}): ApplyReport {
  const runs = overrides.runs ?? [reportRun()];
  return {
    version: 1,
    plan: { name: "nightly", file: "plans/nightly.yaml" },
    project: { id: 1001, name: "Web Shop" },
    applyIdentity: null,
    startedAt: "2026-12-01T09:00:00.000Z",
    finishedAt: "2026-12-01T09:00:05.000Z",
    status: "succeeded",
    ci: {
      provider: "github",
      commit: "0123456789abcdef0123",
      job: "e2e",
      pipeline: "77",
      url: "https://github.com/acme/shop/actions/runs/77",
      actor: "dana",
    },
    user: "dana",
    summary: { created: runs.length, satisfied: 0, failed: 0, notStarted: 0 },
    ...overrides,
    runs,
  };
}

/** A server on an in-memory store, not listening. */
export function testServer(options: Partial<StatusServerOptions> = {}) {
  return buildServer({ store: openSqliteStore(":memory:"), token: TOKEN, adminToken: ADMIN, ...options });
}
