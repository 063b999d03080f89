/* eslint-disable */
/**
 * GENERATED from schemas/apply-report.schema.json by `pnpm --filter @qac/schemas generate`. Do not edit:
 * change the schema and regenerate (a test fails when this file drifts from the schema).
 */

/**
 * The report of one `qac apply` (version 1): what each desired run of the plan became. Written by `qac apply --json`, sent to the status server with `--report-to`. Additive changes keep version 1.
 */
export interface ApplyReport {
  version: 1;
  plan: {
    name: string;
    file: string;
  };
  project: {
    id: number;
    name: string;
  };
  /**
   * The --once-per id (commit SHA, pipeline id), or null.
   */
  applyIdentity: string | null;
  /**
   * ISO 8601 date-time (UTC)
   */
  startedAt: string;
  /**
   * ISO 8601 date-time (UTC)
   */
  finishedAt: string;
  status: "succeeded" | "failed" | "interrupted";
  ci: null | CiInfo;
  user: string | null;
  runs: ReportRun[];
  summary: ReportSummary;
  wait?: WaitSummary;
}
/**
 * CI context of an apply (GitHub Actions, GitLab CI), read from the environment; null elsewhere.
 *
 * This interface was referenced by `ApplyReport`'s JSON-Schema
 * via the `definition` "ci".
 */
export interface CiInfo {
  provider: "github" | "gitlab" | null;
  commit: string | null;
  job: string | null;
  pipeline: string | null;
  url: string | null;
  actor: string | null;
}
/**
 * One desired run of the plan and what the apply did with it.
 *
 * This interface was referenced by `ApplyReport`'s JSON-Schema
 * via the `definition` "run".
 */
export interface ReportRun {
  identity: string;
  runKey: string;
  kind: "test" | "testSet";
  testId: number | null;
  testSetId: number | null;
  title: string;
  configuration: null | {
    id: number;
    title: string;
  };
  release: null | {
    id: number;
    title: string;
    path: string;
  };
  host: null | {
    id: number;
    name: string;
  };
  decision: "create" | "create-forced" | "skip" | "not-started";
  outcome: "created" | "satisfied" | "failed" | "not-started" | "unknown";
  runId: number | null;
  reason: string;
  /**
   * QAComplete status_code of the run when known.
   */
  status: string | null;
}
/**
 * What the apply did to the desired runs. These are not test results: whether a run passed or failed is what waiting (qac wait, apply --wait) reports.
 *
 * This interface was referenced by `ApplyReport`'s JSON-Schema
 * via the `definition` "summary".
 */
export interface ReportSummary {
  /**
   * Runs this apply created.
   */
  created: number;
  /**
   * Desired runs an existing run already satisfied: nothing was created for them.
   */
  satisfied: number;
  /**
   * Create errors: desired runs whose create failed or whose outcome stayed unknown (outcome failed or unknown). Shown as "create errors" by qac and the status page; not failed tests.
   */
  failed: number;
  /**
   * Desired runs not created because the apply stopped first (Ctrl-C, a lost lease, a failed run earlier in the sequence group).
   */
  notStarted: number;
}
/**
 * With --wait: how waiting for the runs ended. `qac apply --wait --json` prints one document: this report with `wait` inside.
 *
 * This interface was referenced by `ApplyReport`'s JSON-Schema
 * via the `definition` "wait".
 */
export interface WaitSummary {
  /**
   * passed: every run passed; failed: a run did not pass (failed, blocked, incomplete, any other status) or was not found; timeout: the deadline passed first; interrupted: Ctrl-C.
   */
  outcome: "passed" | "failed" | "timeout" | "interrupted";
  /**
   * One sentence naming the runs that did not pass or are unfinished.
   */
  reason: string;
  /**
   * Run ids that were not found (deleted in QAComplete).
   */
  missing: number[];
  runs: {
    id: number;
    /**
     * QAComplete's status_code as it is; only Passed counts as passed.
     */
    status: string;
    title: string | null;
    configuration: string | null;
    release: string | null;
    host: string | null;
    runTimeSeconds: number;
  }[];
}
