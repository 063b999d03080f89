import type { DesiredRun } from "@qac/planner";
import type { ApplyReport, CiInfo, ReportRun } from "@qac/schemas";

// The report's types are generated from schemas/apply-report.schema.json (one definition, shared
// with the status server, which stores reports).
export type { ApplyReport, CiInfo, ReportRun };

/** What happened to one desired run. */
export type Outcome = ReportRun["outcome"];

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
