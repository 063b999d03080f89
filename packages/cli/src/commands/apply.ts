import { Option, type Command } from "commander";
import type { ApplyFlags } from "../apply/apply-file.js";
import { EXIT, worseExit, type ExitCode } from "../exit-codes.js";
import { addConnectionOptions } from "../options/connection-options.js";
import { parseDuration } from "../options/durations.js";
import { addFormatOption } from "../options/output-format.js";
import { addPlanOptions } from "../options/plan-options.js";
import { positiveInt } from "../options/positive-int.js";
import type { CommandContext } from "../run-cli.js";
import { timeoutOption } from "./wait.js";

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
      const { connect } = await import("../connect/connect.js");
      const { stores } = await import("../connect/stores.js");
      const { applyFile } = await import("../apply/apply-file.js");
      const controller = new AbortController();
      const client = await connect(flags, ctx, {
        signal: controller.signal,
        ...(flags.wait ? { deadline: Date.now() + flags.timeout } : {}),
      });
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
      let exit: ExitCode = EXIT.OK;
      try {
        const session = {
          client,
          flags,
          ctx,
          stores: await stores(flags, ctx),
          signal: controller.signal,
          onWaiting: (now: boolean) => void (waiting = now),
        };
        for (const file of files) {
          if (controller.signal.aborted) {
            exit = EXIT.ERROR;
            break;
          }
          exit = worseExit(exit, await applyFile(file, session));
        }
      } finally {
        await client.close();
      }
      ctx.setExit(exit);
    });
}
