import type { Change } from "../diff/change.js";
import type { Recorder } from "../ledger/coalescing-recorder.js";
import { describeRun, type ReportRun } from "../report/apply-report.js";
import { createRunSafely, type CreateContext, type CreateResult } from "./create-run-safely.js";

/** What handling one change needs besides the change. */
export interface HandleContext extends CreateContext {
  /** The `--once-per` record, or null without `--once-per`. */
  recorder: Recorder | null;
  /** Why nothing new starts, once it does not (Ctrl-C, a lost lease). */
  stopReason: () => string;
}

/** The report row of `change` with this outcome. */
export function reportRun(change: Change, result: CreateResult, decision?: ReportRun["decision"]): ReportRun {
  return { ...describeRun(change.run), decision: decision ?? change.decision, ...result };
}

/**
 * Carries out one decision. A skip is reported as satisfied. A create is sent only while the apply
 * may still start runs, and under `--once-per` only after its intent is durable (so a crash right
 * after the create leaves a trace the next apply reconciles); the run id is recorded at once. A
 * run that satisfies a desired run is recorded too, unless the record itself is why.
 */
export async function handleChange(change: Change, ctx: HandleContext): Promise<ReportRun> {
  const record = (result: CreateResult) => {
    if (ctx.recorder && result.runId !== null && (result.outcome === "created" || result.outcome === "satisfied"))
      // Failures are collected by the recorder and reported at the end, with the runs to look at.
      ctx.recorder.add({ identity: change.identity, runId: result.runId }).catch(() => undefined);
    return result;
  };
  if (change.decision === "skip") {
    const result: CreateResult = {
      outcome: "satisfied",
      runId: change.satisfiedBy,
      status: change.satisfiedByStatus,
      reason: change.reason,
    };
    return reportRun(change, change.cause === "once-per" ? result : record(result));
  }
  const notStarted = (reason: string) =>
    reportRun(change, { outcome: "not-started", runId: null, status: null, reason }, "not-started");
  if (ctx.stopping()) return notStarted(ctx.stopReason());
  if (ctx.recorder) {
    try {
      // Stamped with QAComplete's own clock (its Date header), which its run dates are compared with.
      const intentAt = (ctx.client.serverNow?.() ?? new Date()).toISOString();
      await ctx.recorder.add({ identity: change.identity, runId: null, intentAt });
    } catch (error) {
      return notStarted(`not started: the --once-per intent could not be recorded (${(error as Error).message})`);
    }
  }
  return reportRun(change, record(await createRunSafely(change.run, ctx)));
}
