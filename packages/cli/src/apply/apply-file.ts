import type { ProjectId, QacClient } from "@qac/core";
import type { Diagnostic } from "@qac/planner";
import type { ApplyReport, WaitSummary } from "@qac/runner";
import type { Stores } from "../connect/stores.js";
import { EXIT, exitForInvalid, type ExitCode } from "../exit-codes.js";
import type { ConnectionFlags } from "../options/connection-options.js";
import type { PlanFlags } from "../options/plan-options.js";
import { printApplyReport, startApplyProgress } from "../render/print-apply-report.js";
import type { CommandContext } from "../run-cli.js";
import { labelsFromReport } from "../wait/run-labels.js";
import { runsToWaitFor } from "../wait/runs-to-wait-for.js";
import { waitAndReport, type WaitFlags } from "../wait/wait-and-report.js";
import { readPlanToApply } from "./read-plan-to-apply.js";

/** The flags of `qac apply`. */
export interface ApplyFlags extends ConnectionFlags, PlanFlags, WaitFlags {
  concurrency: number;
  wait?: boolean;
  lockTimeout: number;
  reportTo?: string;
}

/** What every file of one `qac apply` shares. */
interface ApplySession {
  client: QacClient;
  flags: ApplyFlags;
  ctx: CommandContext;
  stores: Stores;
  /** Ctrl-C: stops starting runs, or ends the wait. */
  signal: AbortSignal;
  /** Told when the wait starts and ends (Ctrl-C says something else while waiting). */
  onWaiting(waiting: boolean): void;
}

/**
 * Applies one plan file (or saved plan): shows progress, prints the report, sends it to a status
 * server with `--report-to`, waits for the runs with `--wait`. Returns that file's exit code.
 * @throws what applyPlan throws, after printing the partial report it carries (runs were created)
 */
export async function applyFile(file: string, session: ApplySession): Promise<ExitCode> {
  const { client, flags, ctx } = session;
  const runner = await import("@qac/runner");
  const diagnostics: Diagnostic[] = [];
  const toApply = await readPlanToApply(file, flags, client, ctx, diagnostics);
  // A plan file that cannot be read is "any other error" (1), as in qac validate.
  if (!toApply) return exitForInvalid(diagnostics);
  const { plan, expected, applyIdentity, planName } = toApply;
  const progress = startApplyProgress(ctx);
  const report = await runner
    .applyPlan(client, plan, {
      concurrency: flags.concurrency,
      applyIdentity,
      ledger: session.stores.ledger,
      lease: session.stores.lease,
      runTests: session.stores.runTests,
      lockTimeoutMs: flags.lockTimeout,
      expected,
      signal: session.signal,
      onEvent: (e) => progress.onEvent(e),
      ci: runner.detectCi(ctx.io.env),
      user: client.username,
      ...(planName ? { planName } : {}),
    })
    .catch((error: unknown) => {
      // Runs were created but their --once-per record failed (or a run went missing from the
      // report): show what was created, then fail.
      progress.done();
      const partial =
        runner.isRunnerError(error, "RUNNER_RECORD_NOT_DURABLE") || runner.isRunnerError(error, "RUNNER_LOST_RUNS")
          ? error.details.report
          : undefined;
      if (partial) printApplyReport(partial, flags.format, ctx);
      throw error;
    });
  progress.done();
  // With --wait, a JSON report is printed once the wait is over, with its result inside.
  const waits = flags.wait === true && report.status !== "interrupted";
  if (!(waits && flags.format === "json")) printApplyReport(report, flags.format, ctx);
  if (flags.reportTo) {
    const { id } = await runner
      .createStatusClient({ url: flags.reportTo, token: ctx.io.env["QAC_STATUS_TOKEN"] })
      .postApply(report);
    ctx.io.stderr.write(`Report sent to ${flags.reportTo} (apply ${id}).\n`);
  }
  let exit: ExitCode = report.status === "succeeded" ? EXIT.OK : EXIT.ERROR;
  if (waits) {
    if ((await waitForApplied(report, plan.project.id, session)) !== EXIT.OK) exit = EXIT.ERROR;
    if (flags.format === "json") printApplyReport(report, flags.format, ctx);
  }
  return exit;
}

/** `--wait`: waits for the runs the report created or found pending; with JSON, into `report.wait`. */
async function waitForApplied(report: ApplyReport, projectId: ProjectId, session: ApplySession): Promise<ExitCode> {
  const { flags, ctx } = session;
  const ids = runsToWaitFor(report.runs, ctx);
  if (ids.length === 0) return EXIT.OK;
  session.onWaiting(true);
  try {
    return await waitAndReport(session.client, projectId, ids, flags, ctx, {
      planName: report.plan.name,
      labels: labelsFromReport(report.runs),
      signal: session.signal,
      ...(flags.format === "json" ? { embed: (summary: WaitSummary) => (report.wait = summary) } : {}),
    });
  } finally {
    session.onWaiting(false);
  }
}
