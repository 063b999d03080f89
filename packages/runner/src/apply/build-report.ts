import type { ResolvedPlan } from "@qac/planner";
import { summarizeRuns, type ApplyReport, type CiInfo, type ReportRun } from "../report/apply-report.js";

/** What an apply report says besides its runs. */
export interface ReportContext {
  plan: ResolvedPlan;
  planName: string;
  applyIdentity: string | null;
  startedAt: string;
  interrupted: boolean;
  ci: CiInfo | null;
  user: string | null;
}

/** The report of one apply: every run in plan order with its outcome, the counts, and the status. */
export function buildReport(context: ReportContext, runs: ReportRun[]): ApplyReport {
  const summary = summarizeRuns(runs);
  const failed = summary.failed > 0 || summary.notStarted > 0;
  return {
    version: 1,
    plan: { name: context.planName, file: context.plan.file },
    project: { id: context.plan.project.id, name: context.plan.project.name },
    applyIdentity: context.applyIdentity,
    startedAt: context.startedAt,
    finishedAt: new Date().toISOString(),
    status: context.interrupted ? "interrupted" : failed ? "failed" : "succeeded",
    ci: context.ci,
    user: context.user,
    runs,
    summary,
  };
}
