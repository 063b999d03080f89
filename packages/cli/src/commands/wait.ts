import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { Option, type Command } from "commander";
import type { ProjectId } from "@qac/core";
import { CliError } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { addConnectionOptions, type ConnectionFlags } from "../options/connection-options.js";
import { parseDuration } from "../options/durations.js";
import { addFormatOption } from "../options/output-format.js";
import type { RunLabel } from "../render/describe-test-run.js";
import { terminalText } from "../render/terminal-text.js";
import type { CommandContext } from "../run-cli.js";
import type { WaitFlags } from "../wait/wait-and-report.js";

const help = `
Examples:
  $ qac apply smoke.yaml --json > report.json && qac wait report.json --junit results.xml
  $ qac wait 120010 120011 --project "Web Shop" --timeout 45m
  $ qac apply smoke.yaml --wait --timeout 30m --junit results.xml   (the same in one step)

Polls the runs in batches (one list call per batch of ids) with backoff until every run finished
or the deadline passed. On a terminal a bar shows passed, failed, blocked, in progress and
awaiting runs and the time left; in CI (no terminal, or CI=true) one line per change of a run.
Exit codes: 0 all passed, 1 any failed, was blocked or incomplete, or the deadline passed (the
output says which).`;

/** The `--timeout` option of waiting, its default shown as users write it. */
export const timeoutOption = (what: string) =>
  new Option("--timeout <duration>", what).argParser(parseDuration).default(1_800_000, "30m");

/** `qac wait <report file | run ids...>`. */
export function registerWait(program: Command, ctx: CommandContext): void {
  const command = program
    .command("wait")
    .description("wait for runs to finish and report their results (exit 0 only when all passed)")
    .argument("<report-or-ids...>", "an apply report (qac apply --json) or run ids (with --project)")
    .addOption(timeoutOption("give up after this long (e.g. 30m, 90s, 1h)"))
    .option("--junit <file>", "write JUnit XML: one testcase per run item");
  addFormatOption(command, ["text", "json"], "result as text or JSON");
  addConnectionOptions(command, "the project of the run ids (id or name); not needed with a report file")
    .addHelpText("after", help)
    .action(async (args: string[], flags: WaitFlags & ConnectionFlags) => {
      const { connect } = await import("../connect/connect.js");
      const { findProject } = await import("../connect/find-project.js");
      const { labelsFromReport, readRunLabels } = await import("../wait/run-labels.js");
      const { waitAndReport } = await import("../wait/wait-and-report.js");
      const { runsToWaitFor } = await import("../wait/runs-to-wait-for.js");
      const { toProjectId } = await import("@qac/core");
      let ids: number[];
      let report: Awaited<ReturnType<typeof readReport>> | null = null;
      if (args.every((a) => /^\d+$/.test(a))) {
        if (!flags.project)
          throw new CliError("CLI_USAGE", "qac wait with run ids needs --project <id|name> (the runs' project).");
        ids = args.map(Number);
      } else if (args.length === 1) {
        report = await readReport(resolve(ctx.io.cwd, args[0]!));
        ids = runsToWaitFor(report.runs, ctx);
      } else throw new CliError("CLI_USAGE", "qac wait takes one apply report file, or run ids with --project.");
      if (ids.length === 0) {
        ctx.io.stderr.write("qac wait: no runs to wait for.\n");
        return ctx.setExit(EXIT.OK);
      }
      // 429s are waited out until the wait's own deadline (Ctrl-C ends the process before any answer).
      const client = await connect(flags, ctx, { deadline: Date.now() + flags.timeout });
      try {
        let projectId: ProjectId;
        let labels: Map<number, RunLabel>;
        if (report) {
          projectId = toProjectId(report.project.id);
          labels = labelsFromReport(report.runs);
        } else {
          projectId = await findProject(client, flags.project!);
          labels = await readRunLabels(client, projectId, ids);
        }
        const planName = report?.plan.name ?? "qac";
        ctx.setExit(await waitAndReport(client, projectId, ids, flags, ctx, { planName, labels }));
      } finally {
        await client.close();
      }
    });
}

interface ReportFile {
  project: { id: number };
  plan: { name: string };
  runs: {
    runId: number | null;
    outcome: string;
    kind: "test" | "testSet";
    title: string;
    release: { path: string } | null;
    host: { id: number; name: string } | null;
  }[];
}

async function readReport(file: string): Promise<ReportFile> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new CliError(
      "CLI_USAGE",
      `cannot read the apply report ${file}: ${terminalText((error as Error).message)}. Write one with qac apply ` +
        `--json > report.json.`,
    );
  }
  const v = value as { version?: unknown; project?: { id?: unknown }; runs?: unknown };
  if (v.version !== 1 || typeof v.project?.id !== "number" || !Array.isArray(v.runs))
    throw new CliError(
      "CLI_USAGE",
      `${file} is not a qac apply report (version 1); write one with qac apply --json > report.json.`,
    );
  return value as ReportFile;
}
