import { hasErrors, type Diagnostic } from "../errors.js";
import { loadPlan, type LoadPlanOptions, type PlanInput } from "../load/load-plan.js";
import type { Plan } from "../plan.js";
import { selectRuns, type Selection } from "../select/select-runs.js";

/** Options for {@link validatePlan}. */
export interface ValidatePlanOptions extends LoadPlanOptions {
  /** Also check `--only`/`--exclude` patterns and count the runs they keep. */
  selection?: Selection;
}

/** The offline verdict on one plan: the data behind `qac validate` and its `--json`. */
export interface ValidationReport {
  /** The plan file as given (`<text>` for text input). */
  file: string;
  /** True when there is no error (warnings allowed). */
  ok: boolean;
  /** Every problem, errors and warnings, in file and line order. */
  diagnostics: Diagnostic[];
  /** Files combined through `include` (root first); empty when the root could not be read. */
  files: string[];
  /** Entries in the plan (0 when invalid). */
  entries: number;
  /** Runs the plan expands to, after the selection (0 when invalid). */
  runs: number;
  /** The loaded plan, when valid. */
  plan: Plan | null;
}

/**
 * Validates a plan offline (no credentials, no network): syntax, schema, meaning, and an
 * optional selection. Never throws for a mistake in the plan.
 *
 * @example
 * ```ts
 * const report = await validatePlan("examples/plans/nightly.yaml", { selection: { only: ["label:search"] } });
 * console.log(report.ok, report.runs);
 * ```
 */
export async function validatePlan(input: PlanInput, options: ValidatePlanOptions = {}): Promise<ValidationReport> {
  const file = typeof input === "string" ? input : "path" in input ? input.path : (input.file ?? "<text>");
  const loaded = await loadPlan(input, options);
  if (!loaded.ok)
    return { file, ok: false, diagnostics: loaded.diagnostics, files: [], entries: 0, runs: 0, plan: null };
  const selected = selectRuns(loaded.plan.runs, options.selection, file);
  const diagnostics = [...loaded.diagnostics, ...selected.diagnostics];
  const ok = !hasErrors(diagnostics);
  return {
    file,
    ok,
    diagnostics,
    files: loaded.plan.files,
    entries: loaded.plan.entries.length,
    runs: selected.runs.length,
    plan: ok ? loaded.plan : null,
  };
}
