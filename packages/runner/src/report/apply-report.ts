import type { DesiredRun } from "@qac/planner";
import type { Decision } from "../diff/change.js";
import type { WaitSummary } from "./wait-summary.js";

/** What happened to one desired run. */
export type Outcome = "created" | "satisfied" | "failed" | "not-started" | "unknown";

/** CI context of an apply (GitHub Actions, GitLab CI), from the environment. */
export interface CiInfo {
  provider: "github" | "gitlab" | null;
  commit: string | null;
  job: string | null;
  pipeline: string | null;
  url: string | null;
  actor: string | null;
}

/** One desired run in an {@link ApplyReport}. */
export interface ReportRun {
  identity: string;
  runKey: string;
  kind: "test" | "testSet";
  testId: number | null;
  testSetId: number | null;
  title: string;
  configuration: { id: number; title: string } | null;
  release: { id: number; title: string; path: string } | null;
  host: { id: number; name: string } | null;
  decision: Decision | "not-started";
  outcome: Outcome;
  runId: number | null;
  reason: string;
  /** QAComplete `status_code` of the run when known. */
  status: string | null;
}

/** The report of one apply (schemas/apply-report.schema.json, version 1). */
export interface ApplyReport {
  version: 1;
  plan: { name: string; file: string };
  project: { id: number; name: string };
  applyIdentity: string | null;
  startedAt: string;
  finishedAt: string;
  status: "succeeded" | "failed" | "interrupted";
  ci: CiInfo | null;
  user: string | null;
  runs: ReportRun[];
  /**
   * What the apply did to the desired runs, not test results: `failed` counts create errors (a
   * create that failed or whose outcome stayed unknown), shown as "create errors" by qac.
   */
  summary: { created: number; satisfied: number; failed: number; notStarted: number };
  /** With `--wait`: how waiting for the runs ended (one JSON document for `qac apply --wait --json`). */
  wait?: WaitSummary;
}

/** The report fields describing a desired run (everything but the outcome). */
export function describeRun(run: DesiredRun): Omit<ReportRun, "decision" | "outcome" | "runId" | "reason" | "status"> {
  return {
    identity: run.identity,
    runKey: run.runKey,
    kind: run.kind,
    testId: run.testId,
    testSetId: run.testSetId,
    title: run.title,
    configuration: run.configuration ? { id: run.configuration.id, title: run.configuration.title } : null,
    release: run.release ? { id: run.release.id, title: run.release.title, path: run.release.path } : null,
    host: run.host ? { id: run.host.id, name: run.host.hostName ?? run.host.name } : null,
  };
}

/** Counts outcomes; `failed` counts create errors, and `unknown` is one too (it needs attention). */
export function summarizeRuns(runs: readonly ReportRun[]): ApplyReport["summary"] {
  const count = (...o: Outcome[]) => runs.filter((r) => o.includes(r.outcome)).length;
  return {
    created: count("created"),
    satisfied: count("satisfied"),
    failed: count("failed", "unknown"),
    notStarted: count("not-started"),
  };
}

/** Reads the CI context from GitHub Actions or GitLab CI variables; null elsewhere. */
export function detectCi(env: Readonly<Record<string, string | undefined>>): CiInfo | null {
  const v = (k: string) => env[k] || null;
  if (env["GITHUB_ACTIONS"] === "true") {
    const server = v("GITHUB_SERVER_URL");
    const repo = v("GITHUB_REPOSITORY");
    const runId = v("GITHUB_RUN_ID");
    return {
      provider: "github",
      commit: v("GITHUB_SHA"),
      job: v("GITHUB_JOB"),
      pipeline: runId,
      url: server && repo && runId ? `${server}/${repo}/actions/runs/${runId}` : null,
      actor: v("GITHUB_ACTOR"),
    };
  }
  if (env["GITLAB_CI"] === "true")
    return {
      provider: "gitlab",
      commit: v("CI_COMMIT_SHA"),
      job: v("CI_JOB_ID"),
      pipeline: v("CI_PIPELINE_ID"),
      url: v("CI_JOB_URL"),
      actor: v("GITLAB_USER_LOGIN"),
    };
  return null;
}
