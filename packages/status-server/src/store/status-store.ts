import type {
  ApplyReport,
  ApplySummary,
  LedgerEntry,
  PlanOverview,
  StatusCounts,
  StatusLease,
  StatusLeaseRequest,
  StatusRun,
  StoredApply,
  StoredLedgerEntry,
} from "@qac/schemas";

// The shapes the routes answer with, generated from schemas/status-api/*.schema.json: the stores
// return them as they are sent, and the runner's status client reads the same types.
export type { ApplySummary, PlanOverview, StatusCounts, StoredLedgerEntry };

/** A desired run of an apply with the live status last read from QAComplete (the route adds its `url`). */
export type RunView = Omit<StatusRun, "url">;

/** Filters of {@link ApplyStore.listRuns}; without `applyId`, the runs of each plan's latest apply. */
export interface RunQuery {
  plan?: string;
  applyId?: number;
  status?: string;
  host?: string;
  release?: string;
  limit: number;
  offset: number;
}

/** Apply history: reports in, summaries and run views out. */
export interface ApplyStore {
  /** Stores a report; its runs with a run id join the live-status table. @returns the new apply id */
  insert(report: ApplyReport, receivedAt: Date): number;
  list(query: { plan?: string; limit: number; offset: number }): { applies: ApplySummary[]; total: number };
  /** The report as sent plus `id` and `receivedAt`, or undefined. */
  get(id: number): StoredApply | undefined;
  /** Latest apply per plan with counts, sorted by plan name. */
  plans(): PlanOverview[];
  runs(query: RunQuery): { runs: RunView[]; total: number };
}

/** A QAComplete run the poller keeps fresh. */
export interface TrackedRun {
  projectId: number;
  runId: number;
  status: string | null;
  /** ms since epoch of the last status read (from a report or the poller). */
  refreshedAt: number;
}

/** A status read by the poller. */
export interface RunStatusUpdate {
  projectId: number;
  runId: number;
  /** null when QAComplete no longer knows the run (deleted): it is then no longer polled. */
  status: string | null;
  finished: boolean;
}

/** A status that changed, for live updates. */
export interface RunStatusChange extends RunStatusUpdate {
  previous: string | null;
}

/** Live status of the runs the server tracks. */
export interface RunStatusStore {
  /** Unfinished runs, stalest first. */
  unfinished(limit: number): TrackedRun[];
  /** Writes the statuses read at `refreshedAt`; returns those that changed. */
  update(updates: readonly RunStatusUpdate[], refreshedAt: Date): RunStatusChange[];
  /** Number of unfinished runs and the oldest refresh time among them (ms, null when none). */
  lag(): { unfinished: number; oldestRefreshMs: number | null };
}

/** The runner's `--once-per` record: which desired runs an apply identity already created. */
export interface LedgerStore {
  entries(projectId: number, applyIdentity: string): StoredLedgerEntry[];
  /**
   * All or nothing; a conflicting entry (same identity, other run id) stores nothing. An intent
   * (run id null) never replaces a run id; a run id completes an intent.
   */
  record(
    projectId: number,
    applyIdentity: string,
    entries: readonly LedgerEntry[],
    now: Date,
  ): { ok: true; recorded: number; added: number } | { ok: false; existing: StoredLedgerEntry };
}

/**
 * Leases on (project, plan): at most one live lease per pair; an expired lease is gone by itself.
 * Requests and leases have the shapes the runner's status client sends and reads.
 */
export interface LeaseStore {
  acquire(
    request: StatusLeaseRequest,
    now: Date,
  ): { ok: true; lease: StatusLease } | { ok: false; current: StatusLease };
  /** "missing": no such lease ever; "ended": expired, released or broken. */
  renew(id: string, ttlSeconds: number, now: Date): StatusLease | "missing" | "ended";
  /** Ends a lease (release by its holder, or break by an admin); returns the lease it ended. */
  end(id: string, reason: "released" | "broken", now: Date): StatusLease | "missing" | "already-ended";
  /** Live leases at `now`. */
  list(now: Date): StatusLease[];
}

/** The whole store: one database behind small interfaces, so another database can follow. */
export interface StatusStore {
  readonly applies: ApplyStore;
  readonly runStatus: RunStatusStore;
  readonly ledger: LedgerStore;
  readonly leases: LeaseStore;
  /** Changes whenever any data changed (this process or another writer of the same database). */
  version(): number;
  /** Throws when the database cannot answer. */
  check(): void;
  close(): void;
}
