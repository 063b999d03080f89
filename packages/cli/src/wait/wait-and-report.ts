import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { ProjectId, QacClient, TestRun } from "@qac/core";
import type { WaitSummary } from "@qac/runner";
import { useColor } from "../cli-io.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { OutputFormat } from "../options/output-format.js";
import { createWaitProgress } from "../render/create-wait-progress.js";
import { describeTestRun, type RunLabel } from "../render/describe-test-run.js";
import { progressMode } from "../render/progress-mode.js";
import { renderWaitSummary } from "../render/render-wait-summary.js";
import { safeJson } from "../render/safe-json.js";
import { createStyle } from "../render/style.js";
import type { CommandContext } from "../run-cli.js";

/** Flags of waiting (`qac wait` and `qac apply --wait`). */
export interface WaitFlags {
  timeout: number;
  junit?: string;
  format: OutputFormat;
}

/** What a wait is for: the plan (JUnit's suite name), labels of the runs, and the Ctrl-C signal. */
export interface WaitContext {
  planName?: string;
  labels?: ReadonlyMap<number, RunLabel>;
  /** `qac apply --wait` passes the signal its own Ctrl-C handler aborts; `qac wait` listens itself. */
  signal?: AbortSignal;
  /** Takes the result instead of printing it: `qac apply --wait --json` puts it inside its report. */
  embed?: (summary: WaitSummary) => void;
}

/**
 * Waits for runs with live progress on stderr, prints their outcome on stdout (and a JUnit file);
 * returns the exit code. Shared by `qac wait` and `qac apply --wait`.
 */
export async function waitAndReport(
  client: QacClient,
  projectId: ProjectId,
  runIds: readonly number[],
  flags: WaitFlags,
  ctx: CommandContext,
  w: WaitContext = {},
): Promise<ExitCode> {
  const runner = await import("@qac/runner");
  const err = ctx.io.stderr;
  let signal = w.signal;
  if (!signal) {
    const controller = new AbortController();
    void ctx.io
      .waitForStop?.()
      .then((name) => (err.write(`\n${name}: stopping the wait; the runs go on in QAComplete.\n`), controller.abort()));
    signal = controller.signal;
  }
  const describe = (run: TestRun) => describeTestRun(run, w.labels?.get(run.id));
  const progress = createWaitProgress(err, {
    mode: progressMode(err, ctx.io.env),
    total: new Set(runIds).size,
    timeoutMs: flags.timeout,
    describe,
    style: createStyle(useColor(err, ctx.io.env)),
  });
  progress.start();
  const result = await runner
    .waitForRuns(client, projectId, runIds, {
      timeoutMs: flags.timeout,
      signal,
      onPoll: (runs) => progress.onPoll(runs),
    })
    .finally(() => progress.done());
  const labels = new Map(
    result.runs.map((r) => {
      const label = w.labels?.get(r.id);
      return [r.id, { title: label?.what.replace(/^(set|test) /, "") ?? null, release: label?.release ?? null }];
    }),
  );
  const summary = runner.summarizeWait(result, labels);
  // `qac apply --wait --json` puts the result inside its report: one command, one JSON document.
  if (w.embed) w.embed(summary);
  else if (flags.format === "json") {
    ctx.io.stdout.write(`${safeJson(summary)}\n`);
  } else {
    const style = createStyle(useColor(ctx.io.stdout, ctx.io.env));
    // In a CI log every line once: runs whose final status a progress line already showed are not listed again.
    ctx.io.stdout.write(renderWaitSummary(result, describe, style, (run) => progress.logged(run)));
  }
  if (flags.junit) {
    const items = await runner.collectRunItems(client, projectId, result.runs);
    const xml = runner.renderJunit(result.runs, items, { name: w.planName ?? "qac" });
    await writeFile(resolve(ctx.io.cwd, flags.junit), xml, "utf8");
    err.write(`JUnit report written to ${flags.junit}\n`);
  }
  return result.outcome === "passed" ? EXIT.OK : EXIT.ERROR;
}
