import type { ApplyReport } from "@qac/runner";
import { useColor } from "../cli-io.js";
import type { OutputFormat } from "../options/output-format.js";
import type { CommandContext } from "../run-cli.js";
import { createApplyProgress } from "./create-apply-progress.js";
import { progressMode } from "./progress-mode.js";
import { renderApplySummary } from "./render-apply-summary.js";
import { safeJson } from "./safe-json.js";
import { createStyle } from "./style.js";

/** Apply progress on the command's stderr: a bar on a terminal, plain lines in CI. */
export function startApplyProgress(ctx: CommandContext): ReturnType<typeof createApplyProgress> {
  const err = ctx.io.stderr;
  return createApplyProgress(err, {
    mode: progressMode(err, ctx.io.env),
    style: createStyle(useColor(err, ctx.io.env)),
  });
}

/** The apply's result on stdout: the summary (text), or the full report (`--format json`). */
export function printApplyReport(report: ApplyReport, format: OutputFormat, ctx: CommandContext): void {
  ctx.io.stdout.write(
    format === "json"
      ? `${safeJson(report)}\n`
      : renderApplySummary(report, createStyle(useColor(ctx.io.stdout, ctx.io.env))),
  );
}
