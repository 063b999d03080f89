import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { Option, type Command } from "commander";
import type { Diagnostic, ResolvedPlan } from "@qac/planner";
import type { SavedDecision, WaitSummary } from "@qac/runner";
import { CliError } from "../errors.js";
import { EXIT, exitForInvalid, type ExitCode } from "../exit-codes.js";
import { addConnectionOptions, type ConnectionFlags } from "../options/connection-options.js";
import { parseDuration } from "../options/durations.js";
import { addFormatOption } from "../options/output-format.js";
import { addPlanOptions, type PlanFlags } from "../options/plan-options.js";
import { positiveInt } from "../options/positive-int.js";
import { terminalText } from "../render/terminal-text.js";
import type { CommandContext } from "../run-cli.js";
import type { WaitFlags } from "../wait/wait-and-report.js";
import { timeoutOption } from "./wait.js";

interface ApplyFlags extends ConnectionFlags, PlanFlags, WaitFlags {
  concurrency: number;
  wait?: boolean;
  lockTimeout: number;
  reportTo?: string;
}

const help = `
Examples:
  $ qac apply examples/plans/smoke.yaml                      create what the preview says
  $ qac apply smoke.yaml --once-per "$GITHUB_SHA"            a retried CI job never creates twice
  $ qac plan smoke.yaml --out plan.json && qac apply plan.json   apply exactly a reviewed plan
  $ qac apply smoke.yaml --wait --timeout 30m --junit results.xml
  $ qac apply smoke.yaml --format json > report.json         the full report (schemas/apply-report.schema.json)

Progress goes to stderr: a bar on a terminal, plain lines in CI (no terminal, or CI=true); the
summary to stdout. Applying again while runs are pending creates nothing. Ctrl-C stops starting
new runs, lets the ones in flight finish and says what was created. Exit codes: 0 every run
created or already satisfied (and, with --wait, passed), 1 anything else, 3 invalid plan.`;

/** `qac apply FILE...|plan.json`: creates the runs the diff says, safely. */
export function registerApply(program: Command, ctx: CommandContext): void {
  const command = program
    .command("apply")
    .description("create the test runs a plan asks for that are not already pending (idempotent)")
    .argument("<files...>", "plan files (.yaml), or one saved plan from qac plan --out")
    .option("--concurrency <n>", "creates in flight at once", positiveInt, 8)
    .option("--wait", "wait for the runs to finish, then report their results")
    .addOption(timeoutOption("with --wait: give up after this long"))
    .option("--junit <file>", "with --wait: write JUnit XML")
    .addOption(
      new Option("--lock-timeout <duration>", "wait this long for another apply of the same plan")
        .argParser(parseDuration)
        .default(600_000, "10m"),
    )
    .option("--report-to <url>", "send the report to a status server (token: $QAC_STATUS_TOKEN)");
  addFormatOption(command, ["text", "json"], "summary as text, or the full apply report as JSON");
  addPlanOptions(addConnectionOptions(command))
    .addHelpText("after", help)
    .action(async (files: string[], flags: ApplyFlags) => {
      // Two reports one after the other are not one JSON value: `qac wait report.json` could not read them.
      if (flags.format === "json" && files.length > 1) {
        ctx.io.stderr.write(
          "qac apply: --format json prints one apply report (schemas/apply-report.schema.json); run it once per " +
            "plan file.\n",
        );
        return ctx.setExit(EXIT.ERROR);
      }
      const runner = await import("@qac/runner");
      const { connect } = await import("../connect/connect.js");
      const { resolveFile } = await import("../connect/resolve-file.js");
      const { stores } = await import("../connect/stores.js");
      const { printApplyReport, startApplyProgress } = await import("../render/print-apply-report.js");
      const { labelsFromReport } = await import("../wait/run-labels.js");
      const { waitAndReport } = await import("../wait/wait-and-report.js");
      const controller = new AbortController();
      const client = await connect(flags, ctx, {
        signal: controller.signal,
        ...(flags.wait ? { deadline: Date.now() + flags.timeout } : {}),
      });
      let exit: ExitCode = EXIT.OK;
      // While waiting (--wait) the runs are all created: Ctrl-C then only ends the wait.
      let waiting = false;
      void ctx.io.waitForStop?.().then((signal) => {
        ctx.io.stderr.write(
          waiting
            ? `\n${signal}: stopping the wait; the runs go on in QAComplete.\n`
            : `\n${signal}: no new runs will be started; waiting for the ones in flight...\n`,
        );
        controller.abort();
      });
      try {
        const { ledger, lease, runTests } = await stores(flags, ctx);
        for (const file of files) {
          if (controller.signal.aborted) {
            exit = EXIT.ERROR;
            break;
          }
          const text = await readFile(resolve(ctx.io.cwd, file), "utf8").catch(() => "");
          let plan: ResolvedPlan | null;
          let expected: SavedDecision[] | null = null;
          let applyIdentity = flags.oncePer ?? null;
          let planName: string | undefined;
          const diagnostics: Diagnostic[] = [];
          if (runner.looksLikeSavedPlan(text)) {
            const saved = runner.parseSavedPlan(text, file);
            if (flags.oncePer !== undefined && flags.oncePer !== saved.applyIdentity)
              throw new CliError(
                "CLI_USAGE",
                `${file} was planned with --once-per ${terminalText(saved.applyIdentity ?? "(none)")}; apply it ` +
                  `without --once-per or plan again.`,
              );
            ({ plan, decisions: expected, applyIdentity, planName } = saved);
          } else plan = await resolveFile(file, flags, client, ctx, diagnostics);
          if (!plan) {
            // A plan file that cannot be read is "any other error" (1), as in qac validate.
            exit = exit === EXIT.INVALID_PLAN ? exit : exitForInvalid(diagnostics);
            continue;
          }
          const progress = startApplyProgress(ctx);
          const report = await runner
            .applyPlan(client, plan, {
              concurrency: flags.concurrency,
              applyIdentity,
              ledger,
              lease,
              runTests,
              lockTimeoutMs: flags.lockTimeout,
              expected,
              signal: controller.signal,
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
                runner.isRunnerError(error, "RUNNER_RECORD_NOT_DURABLE") ||
                runner.isRunnerError(error, "RUNNER_LOST_RUNS")
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
          if (report.status !== "succeeded") exit = EXIT.ERROR;
          if (flags.wait && report.status !== "interrupted") {
            const ids = report.runs.flatMap((r) =>
              r.runId !== null && (r.outcome === "created" || r.outcome === "satisfied") ? [r.runId] : [],
            );
            waiting = true;
            const w = {
              planName: report.plan.name,
              labels: labelsFromReport(report.runs),
              signal: controller.signal,
              ...(flags.format === "json" ? { embed: (summary: WaitSummary) => (report.wait = summary) } : {}),
            };
            if (ids.length > 0 && (await waitAndReport(client, plan.project.id, ids, flags, ctx, w)) !== EXIT.OK)
              exit = EXIT.ERROR;
            waiting = false;
            if (flags.format === "json") printApplyReport(report, flags.format, ctx);
          }
        }
      } finally {
        await client.close();
      }
      ctx.setExit(exit);
    });
}
