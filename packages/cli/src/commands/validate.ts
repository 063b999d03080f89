import type { Command } from "commander";
import type { ValidationReport } from "@qac/planner";
import { useColor } from "../cli-io.js";
import { EXIT, exitForInvalid } from "../exit-codes.js";
import { addFormatOption, type OutputFormat } from "../options/output-format.js";
import { addSelectionOptions } from "../options/plan-options.js";
import { safeDiagnostic, projectRef } from "../connect/resolve-file.js";
import { safeJson } from "../render/safe-json.js";
import { createStyle } from "../render/style.js";
import { terminalText } from "../render/terminal-text.js";
import type { CommandContext } from "../run-cli.js";

interface ValidateFlags {
  format: OutputFormat;
  project?: string;
  only?: string[];
  exclude?: string[];
}

/** `qac validate FILE...`: offline validation of plan files. */
export function registerValidate(program: Command, ctx: CommandContext): void {
  const command = program
    .command("validate")
    .description("check plan files offline: YAML, schema and meaning (no credentials, no network)")
    .argument("<files...>", "plan files (.yaml)");
  addSelectionOptions(addFormatOption(command, ["text", "json"], "result as text or JSON"))
    .option("--project <id|name>", "the project, instead of (or for a plan without) `project:`")
    .addHelpText("after", "\nExample:\n  $ qac validate examples/plans/*.yaml --only label:smoke")
    .action(async (files: string[], flags: ValidateFlags) => {
      // Loaded here, not at start-up: `qac --version` must not pay for yaml and ajv.
      const { validatePlan } = await import("@qac/planner");
      const selection = { only: flags.only ?? [], exclude: flags.exclude ?? [] };
      const options = { cwd: ctx.io.cwd, env: ctx.io.env, selection };
      const project = flags.project === undefined ? {} : { project: projectRef(flags.project) };
      const reports: ValidationReport[] = [];
      for (const file of files) reports.push(await validatePlan(file, { ...options, ...project }));
      if (flags.format === "json") ctx.io.stdout.write(`${safeJson(toJson(reports))}\n`);
      else ctx.io.stdout.write(await renderText(reports, useColor(ctx.io.stdout, ctx.io.env)));
      const invalid = reports.filter((r) => !r.ok);
      ctx.setExit(invalid.length === 0 ? EXIT.OK : exitForInvalid(invalid.flatMap((r) => r.diagnostics)));
    });
}

function toJson(reports: readonly ValidationReport[]) {
  return {
    ok: reports.every((r) => r.ok),
    plans: reports.map(({ file, ok, files, entries, runs, diagnostics }) => ({
      file,
      ok,
      files,
      entries,
      runs,
      diagnostics,
    })),
  };
}

async function renderText(reports: readonly ValidationReport[], color: boolean): Promise<string> {
  const { formatDiagnostic } = await import("@qac/planner");
  const style = createStyle(color);
  const out: string[] = [];
  for (const r of reports) {
    for (const d of r.diagnostics) out.push(formatDiagnostic(safeDiagnostic(d), { style }));
    const errors = r.diagnostics.filter((d) => d.severity === "error").length;
    const warnings = r.diagnostics.length - errors;
    const tail = warnings ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : "";
    const file = terminalText(r.file);
    if (r.ok)
      out.push(
        `${style("green", "✓")} ${file}: valid (${r.entries} entr${r.entries === 1 ? "y" : "ies"}, ${r.runs} ` +
          `run${r.runs === 1 ? "" : "s"}${r.files.length > 1 ? `, ${r.files.length} files` : ""}${tail})`,
      );
    else out.push(`${style("red", "✗")} ${file}: ${errors} error${errors === 1 ? "" : "s"}${tail}`);
  }
  const bad = reports.filter((r) => !r.ok).length;
  if (reports.length > 1)
    out.push(bad === 0 ? `${reports.length} plans valid` : `${bad} of ${reports.length} plans invalid`);
  return `${out.join("\n")}\n`;
}
