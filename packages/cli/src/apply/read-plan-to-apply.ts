import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { QacClient } from "@qac/core";
import type { Diagnostic, ResolvedPlan } from "@qac/planner";
import type { SavedDecision } from "@qac/runner";
import { resolveFile } from "../connect/resolve-file.js";
import { CliError } from "../errors.js";
import type { ConnectionFlags } from "../options/connection-options.js";
import type { PlanFlags } from "../options/plan-options.js";
import { terminalText } from "../render/terminal-text.js";
import type { CommandContext } from "../run-cli.js";

/** A plan ready to apply: resolved now from YAML, or as reviewed in a saved plan (`qac plan --out`). */
interface PlanToApply {
  plan: ResolvedPlan;
  /** A saved plan's decisions, which Run History must still match (else RUNNER_STALE_PLAN). */
  expected: SavedDecision[] | null;
  /** `--once-per`, or the one the saved plan was made with. */
  applyIdentity: string | null;
  planName?: string;
}

/**
 * Reads `file` as a saved plan when it is one, else loads and resolves it as a plan file (printing
 * its diagnostics, also added to `diagnostics`). Null when the plan is invalid or unreadable.
 * @throws CliError when `--once-per` differs from the saved plan's
 */
export async function readPlanToApply(
  file: string,
  flags: ConnectionFlags & PlanFlags,
  client: QacClient,
  ctx: CommandContext,
  diagnostics: Diagnostic[],
): Promise<PlanToApply | null> {
  const { looksLikeSavedPlan, parseSavedPlan } = await import("@qac/runner");
  // An unreadable file is not a saved plan; resolveFile then says why it cannot be read.
  const text = await readFile(resolve(ctx.io.cwd, file), "utf8").catch(() => "");
  if (!looksLikeSavedPlan(text)) {
    const plan = await resolveFile(file, flags, client, ctx, diagnostics);
    return plan && { plan, expected: null, applyIdentity: flags.oncePer ?? null };
  }
  const saved = parseSavedPlan(text, file);
  if (flags.oncePer !== undefined && flags.oncePer !== saved.applyIdentity)
    throw new CliError(
      "CLI_USAGE",
      `${file} was planned with --once-per ${terminalText(saved.applyIdentity ?? "(none)")}; apply it ` +
        `without --once-per or plan again.`,
    );
  return {
    plan: saved.plan,
    expected: saved.decisions,
    applyIdentity: saved.applyIdentity,
    ...(saved.planName ? { planName: saved.planName } : {}),
  };
}
