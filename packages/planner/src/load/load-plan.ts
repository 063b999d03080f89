import { relative, resolve } from "node:path";
import type { Diagnostic } from "../errors.js";
import { hasErrors, limitDiagnostics } from "../errors.js";
import { expandRuns } from "../expand/expand-runs.js";
import type { Plan } from "../plan.js";
import { CheckContext } from "../validate/check-context.js";
import { checkRootOnly, mergeDefinitions } from "../validate/check-definitions.js";
import { checkEntries } from "../validate/check-entries.js";
import { checkDefaults, checkRouting } from "../validate/check-routing.js";
import type { Fragment } from "./build-fragment.js";
import type { Env } from "./interpolate-env.js";
import { loadFile } from "./load-file.js";
import { countValues, MAX_VALUES } from "./parse-source.js";
import { DEFAULT_MAX_BYTES } from "./read-source.js";
import { resolveIncludes } from "./resolve-includes.js";

/** A plan file path, or plan text (with a name for messages). */
export type PlanInput = string | { path: string } | { text: string; file?: string };

/** Options for {@link loadPlan}. */
export interface LoadPlanOptions {
  /** Variables for `${VAR}` interpolation. @default process.env */
  env?: Env;
  /** Largest file accepted, in bytes. @default 10 MiB */
  maxBytes?: number;
  /** Most files a plan may combine through `include`. @default 200 */
  maxFiles?: number;
  /** Directory relative paths (and text input's includes) start from. @default process.cwd() */
  cwd?: string;
  /**
   * The project (name or id) to use instead of the plan's `project:`, or when the plan has none
   * (`--project`). @default the plan's
   */
  project?: string | number;
}

/** The outcome of loading: a plan (possibly with warnings), or every problem found. */
export type LoadPlanResult =
  { ok: true; plan: Plan; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Loads a plan offline: reads the file(s), checks YAML syntax, `${VAR}` interpolation, the
 * schema and the plan's meaning (references, duplicates, conflicts, empty expansions, hosts),
 * and expands the matrix. All problems come back at once as diagnostics; it never throws for a
 * mistake in the plan.
 *
 * @example
 * ```ts
 * const result = await loadPlan("examples/plans/smoke.yaml");
 * if (!result.ok) for (const d of result.diagnostics) console.error(formatDiagnostic(d));
 * ```
 */
export async function loadPlan(input: PlanInput, options: LoadPlanOptions = {}): Promise<LoadPlanResult> {
  const env = options.env ?? process.env;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const cwd = options.cwd ?? process.cwd();
  const rootName = typeof input === "string" ? input : "path" in input ? input.path : (input.file ?? "<text>");
  const rootText = typeof input === "object" && "text" in input ? input.text : undefined;
  const diagnostics: Diagnostic[] = [];
  const fragments: Fragment[] = [];
  const seen = new Set<string>([resolve(cwd, rootName)]);
  const queue: { file: string; text?: string }[] = [{ file: rootName, text: rootText }];
  let totalValues = 0;
  while (queue.length > 0) {
    const next = queue.shift()!;
    const loaded = await loadFile(next.file, resolve(cwd, next.file), next.text, env, maxBytes);
    for (const item of loaded.diagnostics) diagnostics.push(item);
    if (!loaded.fragment) {
      if (fragments.length === 0) return { ok: false, diagnostics: limitDiagnostics(diagnostics) };
      continue;
    }
    fragments.push(loaded.fragment);
    // Each file is capped on its own; the combined plan gets the same budget, so includes
    // cannot multiply memory.
    totalValues += countValues(loaded.fragment.source.text);
    if (totalValues > MAX_VALUES) {
      diagnostics.push({
        code: "PLAN_FILE_TOO_LARGE",
        severity: "error",
        message:
          `the plan and its includes have more than ${MAX_VALUES.toLocaleString("en")} lines and values ` +
          `together; include fewer or smaller files`,
        file: rootName,
        line: 1,
        column: 1,
      });
      return { ok: false, diagnostics: limitDiagnostics(diagnostics) };
    }
    const includes = await resolveIncludes(loaded.fragment, cwd);
    for (const item of includes.diagnostics) diagnostics.push(item);
    for (const file of includes.files) {
      // Each file is read once, at its first place in plan order: a file included twice, or a
      // cycle of includes, adds nothing more (docs/plan-format.md, "Combining files").
      if (seen.has(file)) continue;
      seen.add(file);
      if (seen.size > (options.maxFiles ?? 200)) {
        diagnostics.push({
          code: "PLAN_INCLUDE",
          severity: "error",
          message: `the plan includes more than ${options.maxFiles ?? 200} files; combine fewer files`,
          file: rootName,
          line: 1,
          column: 1,
        });
        break;
      }
      queue.push({ file: relative(cwd, file) || file });
    }
  }
  const { plan, diagnostics: meaning } = assemble(fragments, rootName, options.project);
  for (const item of meaning) diagnostics.push(item);
  sortDiagnostics(diagnostics, fragments);
  if (hasErrors(diagnostics) || !plan) return { ok: false, diagnostics: limitDiagnostics(diagnostics) };
  return { ok: true, plan, diagnostics: limitDiagnostics(diagnostics) };
}

/** Orders diagnostics by file (in reading order), then line and column, so output reads top-down. */
function sortDiagnostics(diagnostics: Diagnostic[], fragments: readonly Fragment[]): void {
  const order = new Map(fragments.map((f, i) => [f.source.file, i]));
  diagnostics.sort(
    (a, b) => (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1) || a.line - b.line || a.column - b.column,
  );
}

function assemble(
  fragments: Fragment[],
  rootName: string,
  projectOverride: string | number | undefined,
): { plan: Plan | null; diagnostics: Diagnostic[] } {
  const ctx = new CheckContext();
  const root = fragments[0]!;
  checkRootOnly(fragments, ctx, projectOverride !== undefined);
  const tables = mergeDefinitions(fragments, ctx);
  const defaults = checkDefaults(ctx, root, root.defaults, tables);
  const routing = checkRouting(ctx, root, root.routing, tables, defaults.host);
  const drafts = fragments.flatMap((fragment) => fragment.entries.map((draft) => ({ fragment, draft })));
  const entries = checkEntries(ctx, drafts, tables, defaults);
  if (drafts.length === 0 && !ctx.wasInvalid(root, ["entries"]))
    ctx.diagnostics.push(
      root.source.diagnostic(
        "PLAN_EMPTY_EXPANSION",
        "the plan has no entries, so it runs nothing; add `entries:`",
        { path: [] },
        "warning",
      ),
    );
  const { runs, diagnostics } = expandRuns(entries, routing);
  for (const item of diagnostics) ctx.diagnostics.push(item);
  const project =
    projectOverride === undefined
      ? root.project
      : {
          name: "project",
          ref: projectOverride,
          origin: root.project?.origin ?? { file: rootName, line: 1, column: 1, path: "/project" },
        };
  if (!project) return { plan: null, diagnostics: ctx.diagnostics };
  const plan: Plan = {
    version: 1,
    file: rootName,
    files: fragments.map((f) => f.source.file),
    project,
    configurations: Object.fromEntries(tables.configurations),
    releases: Object.fromEntries(tables.releases),
    hosts: Object.fromEntries(tables.hosts),
    routing,
    entries,
    runs,
  };
  return { plan, diagnostics: ctx.diagnostics };
}
