/* eslint-disable */
/**
 * GENERATED from schemas/status-api/*.schema.json by `pnpm --filter @qac/schemas generate`. Do not edit:
 * change the schema and regenerate (a test fails when this file drifts from the schema).
 */
import type { CiInfo } from "./apply-report.generated.js";

/**
 * Every error of the status server: a stable code (branch on it) and a message that says what failed and how to fix it.
 */
export interface StatusErrorResponse {
  error: {
    /**
     * STATUS_* code, e.g. STATUS_UNAUTHORIZED, STATUS_VALIDATION, STATUS_NOT_FOUND, STATUS_LEASE_HELD, STATUS_LEDGER_CONFLICT.
     */
    code: string;
    message: string;
  };
}

/**
 * Query of GET /api/v1/applies: newest first, optionally one plan.
 */
export interface AppliesQuery {
  /**
   * Only applies of this plan (plan.name).
   */
  plan?: string;
  limit?: number;
  offset?: number;
}

/**
 * Answer of POST /api/v1/applies (201): the id the report is stored under.
 */
export interface ApplyCreated {
  id: number;
}

/**
 * One stored apply without its runs.
 */
export interface ApplySummary {
  id: number;
  receivedAt: string;
  plan: {
    name: string;
    file: string | null;
  };
  project: {
    id: number;
    name: string | null;
  };
  applyIdentity: string | null;
  startedAt: string;
  finishedAt: string | null;
  status: "succeeded" | "failed" | "interrupted";
  /**
   * CI provider, commit, job, pipeline, url and actor as the runner read them from GitHub Actions or GitLab CI.
   */
  ci: null | CiInfo;
  user: string | null;
  /**
   * What the apply did: created, satisfied, failed (create errors: runs it could not create, not failed tests) and notStarted counts.
   */
  summary: {
    [k: string]: number;
  };
}

/**
 * Answer of GET /api/v1/applies: one page of applies, newest first, and how many match.
 */
export interface ApplyList {
  applies: ApplySummary[];
  total: number;
}

/**
 * Answer of GET /api/v1/applies/{id}: the apply report exactly as the runner sent it (apply-report.schema.json), plus the id and time the server stored it under.
 */
export interface StoredApply {
  id: number;
  receivedAt: string;
  plan: {
    [k: string]: unknown;
  };
  project: {
    [k: string]: unknown;
  };
  runs: {
    [k: string]: unknown;
  }[];
  [k: string]: unknown;
}

/**
 * Runs of an apply by live QAComplete status: Passed, Failed, Blocked, Awaiting Run, In Progress (or Paused), and everything else (Incomplete, not started, unknown).
 */
export interface StatusCounts {
  passed: number;
  failed: number;
  blocked: number;
  awaiting: number;
  inProgress: number;
  other: number;
  total: number;
}

/**
 * Answer of GET /api/v1/plans: the latest apply of every plan, with its runs counted by live status, plans sorted by name.
 */
export interface PlanList {
  plans: PlanOverview[];
}
/**
 * The latest apply of one plan, with its runs counted by live status.
 */
export interface PlanOverview {
  plan: string;
  project: {
    id: number;
    name: string | null;
  };
  latestApply: {
    id: number;
    receivedAt: string;
    status: "succeeded" | "failed" | "interrupted";
    startedAt: string;
    finishedAt: string | null;
    ci: null | CiInfo;
    user: string | null;
    summary: {
      [k: string]: number;
    };
  };
  counts: StatusCounts;
}

/**
 * Query of GET /api/v1/runs. Without apply, the runs of each plan's latest apply; filters combine with AND.
 */
export interface RunsQuery {
  plan?: string;
  /**
   * Runs of this apply (any apply, not only the latest).
   */
  apply?: number;
  /**
   * Live QAComplete status, e.g. Passed, Failed, Awaiting Run (case-insensitive).
   */
  status?: string;
  /**
   * Host name (case-insensitive).
   */
  host?: string;
  /**
   * Release title or path (case-insensitive).
   */
  release?: string;
  limit?: number;
  offset?: number;
}

/**
 * Answer of GET /api/v1/runs: desired runs with the live status the poller last read from QAComplete.
 */
export interface RunList {
  total: number;
  runs: StatusRun[];
}
/**
 * A desired run of an apply with the live status last read from QAComplete.
 */
export interface StatusRun {
  applyId: number;
  plan: string;
  projectId: number;
  identity: string;
  title: string;
  kind: "test" | "testSet";
  decision: string;
  outcome: string;
  runId: number | null;
  /**
   * QAComplete status_code, live when the run is known.
   */
  status: string | null;
  statusUpdatedAt: string | null;
  finished: boolean;
  host: string | null;
  release: string | null;
  configuration: string | null;
  /**
   * Link to the run in QAComplete, when the server knows the web address.
   */
  url: string | null;
}

/**
 * Query of GET /api/v1/ledger/{applyIdentity}.
 */
export interface LedgerQuery {
  project: number;
}

/**
 * Answer of GET /api/v1/ledger/{applyIdentity}: the runs already recorded for this --once-per id in a project.
 */
export interface LedgerEntries {
  entries: StoredLedgerEntry[];
}
/**
 * One stored --once-per record: a run id (or the intent to create one) and when it was recorded.
 */
export interface StoredLedgerEntry {
  identity: string;
  /**
   * The run; null while only the intent is known.
   */
  runId: number | null;
  recordedAt: string;
  /**
   * When a create was about to be sent, or null.
   */
  intentAt: string | null;
}

/**
 * Body of POST /api/v1/ledger/{applyIdentity}: runs to record for this --once-per id, or intents (runId null, intentAt set) written just before a create, so a crash between the create and its record leaves a trace. An intent never replaces a run id; a run id completes an intent. All or nothing: one conflicting entry (another run id for an identity) rejects the request (409).
 */
export interface LedgerRecordRequest {
  project: number;
  /**
   * @maxItems 10000
   */
  entries: LedgerEntry[];
}
/**
 * One --once-per record to write: the run an apply with that id created (or adopted) for a desired run, or, before the create is sent, the intent to create it (runId null).
 */
export interface LedgerEntry {
  identity: string;
  /**
   * The run created or adopted; null for an intent.
   */
  runId: number | null;
  /**
   * When the create was about to be sent (ISO 8601); set for an intent.
   */
  intentAt?: string | null;
}

/**
 * Answer of POST /api/v1/ledger/{applyIdentity}: recorded = entries of the request now on record (all of them), added = those that were new.
 */
export interface LedgerRecorded {
  recorded: number;
  added: number;
}

/**
 * 409 of POST /api/v1/ledger/{applyIdentity}: an identity is already recorded with another run id; nothing of the request was stored.
 */
export interface LedgerConflict {
  error: {
    code: "STATUS_LEDGER_CONFLICT";
    message: string;
  };
  existing: {
    identity: string;
    runId: number;
    recordedAt: string;
  };
}

/**
 * Body of POST /api/v1/leases: take the lease on (project, plan) for ttlSeconds. qac apply takes the lease named "*": one per project, so two plans sharing runs never create them at once.
 */
export interface StatusLeaseRequest {
  project: number;
  plan: string;
  holder: LeaseHolder;
  ttlSeconds: number;
  /**
   * Take over this live lease: its holder runs on the same host as the requester, whose check found the holder's process gone. Refused (409) unless it is the current lease's id and the hosts are equal.
   */
  replaces?: string;
}
/**
 * Who holds a lease, for messages ("held by ci-job 42 on host x, pid 123").
 *
 * This interface was referenced by `StatusLeaseRequest`'s JSON-Schema
 * via the `definition` "holder".
 */
export interface LeaseHolder {
  name: string;
  host?: string;
  pid?: number;
  ciJob?: string;
  /**
   * The plan being applied (for messages).
   */
  plan?: string;
}

/**
 * Body of PUT /api/v1/leases/{id}: extend the lease to now + ttlSeconds.
 */
export interface LeaseRenew {
  ttlSeconds: number;
}

/**
 * A lease on (project, plan): who holds it and until when.
 */
export interface StatusLease {
  id: string;
  project: number;
  plan: string;
  holder: LeaseHolder;
  acquiredAt: string;
  expiresAt: string;
}

/**
 * Answer of GET /api/v1/leases: the leases held now (expired ones are gone).
 */
export interface LeaseList {
  leases: StatusLease[];
}

/**
 * 409 of POST /api/v1/leases: someone else holds the lease; lease says who and until when.
 */
export interface LeaseConflict {
  error: {
    code: "STATUS_LEASE_HELD";
    message: string;
  };
  lease: StatusLease;
}

/**
 * Answer of GET /healthz: the store answers; the poller's state and lag (seconds since the stalest unfinished run was last refreshed).
 */
export interface Health {
  status: "ok" | "degraded";
  store: "ok";
  poller: {
    enabled: boolean;
    lagSeconds: number;
    unfinishedRuns: number;
    consecutiveFailures: number;
    lastSuccessAt: string | null;
    lastError?: string | null;
  };
}
