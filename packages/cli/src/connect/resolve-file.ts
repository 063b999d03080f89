import type { QacClient } from "@qac/core";
import type { Diagnostic, ResolvedPlan } from "@qac/planner";
import { useColor } from "../cli-io.js";
import type { ConnectionFlags } from "../options/connection-options.js";
import type { PlanFlags } from "../options/plan-options.js";
import { createStyle } from "../render/style.js";
import { terminalText } from "../render/terminal-text.js";
import type { CommandContext } from "../run-cli.js";

/** A `--project` value: digits are an id, anything else a name. */
export const projectRef = (raw: string): string | number => (/^\d+$/.test(raw) ? Number(raw) : raw);

/**
 * A diagnostic whose texts are safe for a terminal: messages may quote names from QAComplete and
 * lines from the plan, which must not move the cursor or start a line of their own.
 */
export function safeDiagnostic(d: Diagnostic): Diagnostic {
  const safe: Diagnostic = { ...d, message: terminalText(d.message), file: terminalText(d.file) };
  if (d.sourceLine !== undefined) safe.sourceLine = terminalText(d.sourceLine);
  return safe;
}

/**
 * Loads, validates and resolves one plan file; prints diagnostics (and adds them to `sink`, for
 * renderers such as the pull-request comment) and returns null when it is invalid.
 */
export async function resolveFile(
  file: string,
  flags: ConnectionFlags & PlanFlags,
  client: QacClient,
  ctx: CommandContext,
  sink?: Diagnostic[],
): Promise<ResolvedPlan | null> {
  const { loadPlan, resolvePlan, checkAutomations, formatDiagnostic } = await import("@qac/planner");
  const style = createStyle(useColor(ctx.io.stderr, ctx.io.env));
  const selection = { only: flags.only ?? [], exclude: flags.exclude ?? [] };
  // --project stands in for a missing `project:` and overrides one that is there.
  const project = flags.project === undefined ? {} : { project: projectRef(flags.project) };
  const loaded = await loadPlan(file, { cwd: ctx.io.cwd, env: ctx.io.env, ...project });
  const print = (ds: readonly Diagnostic[]) =>
    ds.forEach((d) => (sink?.push(d), ctx.io.stderr.write(`${formatDiagnostic(safeDiagnostic(d), { style })}\n`)));
  if (!loaded.ok) return (print(loaded.diagnostics), null);
  const resolved = await resolvePlan(loaded.plan, client, { selection });
  // Will the runs ever start? Automated runs of tests without an automation never do.
  const automation = resolved.ok ? await checkAutomations(resolved.resolved, client) : { diagnostics: [] };
  const found = [...resolved.diagnostics, ...automation.diagnostics];
  // --strict-warnings: every warning is an error, so the plan is invalid (exit 3) and nothing is applied.
  const strict = flags.strictWarnings === true && found.some((d) => d.severity === "warning");
  print(strict ? found.map((d) => ({ ...d, severity: "error" as const })) : found);
  return resolved.ok && !strict ? resolved.resolved : null;
}
