import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import type { ProjectId, QacClient } from "@qac/core";
import type { WaitSummary } from "@qac/runner";
import { useColor } from "../cli-io.js";
import { CliError } from "../errors.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { CommandContext } from "../run-cli.js";
import { addConnectionOptions, connect, parseDuration, type ConnectionFlags } from "./connect.js";

/** Flags of waiting (`qac wait` and `qac apply --wait`). */
export interface WaitFlags {
  timeout: number;
  junit?: string;
  json?: boolean;
}

const help = `
Examples:
  $ qac apply smoke.yaml --json > report.json && qac wait report.json --junit results.xml
  $ qac wait 120010 120011 --project 1001 --timeout 45m
  $ qac apply smoke.yaml --wait --timeout 30m --junit results.xml   (the same in one step)

Polls the runs in batches (one list call per batch of ids) with backoff until every run finished
or the deadline passed. Exit codes: 0 all passed, 1 any failed, was blocked or incomplete, or the
deadline passed (the output says which).`;

/**
 * Waits for runs, prints their outcome (and a JUnit file); returns the exit code.
 * Shared by `qac wait` and `qac apply --wait`.
 */
export async function waitAndReport(
  client: QacClient,
  projectId: ProjectId,
  runIds: readonly number[],
  flags: WaitFlags,
  ctx: CommandContext,
  planName = "qac",
  titles: ReadonlyMap<number, string> = new Map(),
  stop?: AbortSignal,
  embed?: (summary: WaitSummary) => void,
): Promise<ExitCode> {
  const runner = await import("@qac/runner");
  const { isUnfinishedRun } = await import("@qac/core");
  const err = ctx.io.stderr;
  const tty = err.isTTY === true;
  // `qac apply --wait` passes the signal its own Ctrl-C handler aborts; `qac wait` listens itself.
  let signal = stop;
  if (!signal) {
    const controller = new AbortController();
    void ctx.io
      .waitForStop?.()
      .then((name) => (err.write(`\n${name}: stopping the wait; the runs go on in QAComplete.\n`), controller.abort()));
    signal = controller.signal;
  }
  err.write(
    `Waiting for ${runIds.length} run${runIds.length === 1 ? "" : "s"} (timeout ${Math.round(flags.timeout / 1000)} s)...\n`,
  );
  let last = "";
  const result = await runner.waitForRuns(client, projectId, runIds, {
    timeoutMs: flags.timeout,
    signal,
    onPoll: (runs) => {
      const unfinished = runs.filter((r) => isUnfinishedRun(r.status_code)).length;
      const line = `${runs.length - unfinished}/${runIds.length} finished`;
      if (tty) err.write(`\r\u001b[K${line}`);
      else if (line !== last) err.write(`${line}\n`);
      last = line;
    },
  });
  if (tty) err.write("\r\u001b[K");
  const color = useColor(ctx.io.stdout, ctx.io.env);
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const summary = runner.summarizeWait(result, titles);
  // `qac apply --wait --json` puts the result inside its report: one command, one JSON document.
  if (embed) embed(summary);
  else if (flags.json) ctx.io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else {
    for (const r of result.runs)
      ctx.io.stdout.write(
        `  ${paint(r.status_code === "Passed" ? 32 : isUnfinishedRun(r.status_code) ? 33 : 31, r.status_code.padEnd(12))} run ${r.id}  ${[titles.get(r.id) ?? r.test_set_name, r.configuration_name, r.release_name, r.test_host].filter(Boolean).join(" · ")}\n`,
      );
    ctx.io.stdout.write(
      `${result.outcome === "passed" ? paint(32, "Passed") : paint(31, result.outcome === "timeout" ? "Timed out" : result.outcome === "interrupted" ? "Interrupted" : "Failed")}: ${result.reason}\n`,
    );
  }
  if (flags.junit) {
    const items = await runner.collectRunItems(client, projectId, result.runs);
    await writeFile(
      resolve(ctx.io.cwd, flags.junit),
      runner.renderJunit(result.runs, items, { name: planName }),
      "utf8",
    );
    err.write(`JUnit report written to ${flags.junit}\n`);
  }
  return result.outcome === "passed" ? EXIT.OK : EXIT.ERROR;
}

/** `qac wait <report file | run ids...>`. */
export function registerWait(program: Command, ctx: CommandContext): void {
  const command = program
    .command("wait")
    .description("wait for runs to finish and report their results (exit 0 only when all passed)")
    .argument("<report-or-ids...>", "an apply report (qac apply --json) or run ids (with --project)")
    .option("--timeout <duration>", "give up after this long (e.g. 30m, 90s, 1h)", parseDuration, 1_800_000)
    .option("--junit <file>", "write JUnit XML: one testcase per run item")
    .option("--json", "print the result as JSON");
  addConnectionOptions(command)
    .addHelpText("after", help)
    .action(async (args: string[], flags: WaitFlags & ConnectionFlags) => {
      const { toProjectId } = await import("@qac/core");
      let projectId: ProjectId;
      let ids: number[];
      let planName = "qac";
      const titles = new Map<number, string>();
      if (args.every((a) => /^\d+$/.test(a))) {
        if (!flags.project || !/^\d+$/.test(flags.project))
          throw new CliError("CLI_USAGE", "qac wait with run ids needs --project <id> (the numeric project id).");
        projectId = toProjectId(flags.project);
        ids = args.map(Number);
      } else if (args.length === 1) {
        const report = await readReport(resolve(ctx.io.cwd, args[0]!));
        projectId = toProjectId(report.project.id);
        planName = report.plan.name;
        ids = report.runs.flatMap((r) =>
          r.runId !== null && (r.outcome === "created" || r.outcome === "satisfied") ? [r.runId] : [],
        );
        for (const r of report.runs)
          if (r.runId !== null && r.title) titles.set(r.runId, `${r.kind === "test" ? "test" : "set"} ${r.title}`);
      } else throw new CliError("CLI_USAGE", "qac wait takes one apply report file, or run ids with --project.");
      if (ids.length === 0) {
        ctx.io.stderr.write("qac wait: no runs to wait for.\n");
        return ctx.setExit(EXIT.OK);
      }
      // 429s are waited out until the wait's own deadline (Ctrl-C ends the process before any answer).
      const client = await connect(flags, ctx, { deadline: Date.now() + flags.timeout });
      try {
        ctx.setExit(await waitAndReport(client, projectId, ids, flags, ctx, planName, titles));
      } finally {
        await client.close();
      }
    });
}

async function readReport(file: string): Promise<{
  project: { id: number };
  plan: { name: string };
  runs: { runId: number | null; outcome: string; kind?: string; title?: string }[];
}> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new CliError(
      "CLI_USAGE",
      `cannot read the apply report ${file}: ${(error as Error).message}. Write one with qac apply --json > report.json.`,
    );
  }
  const v = value as { version?: unknown; project?: { id?: unknown }; runs?: unknown };
  if (v.version !== 1 || typeof v.project?.id !== "number" || !Array.isArray(v.runs))
    throw new CliError(
      "CLI_USAGE",
      `${file} is not a qac apply report (version 1); write one with qac apply --json > report.json.`,
    );
  return value as Awaited<ReturnType<typeof readReport>>;
}
