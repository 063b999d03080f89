import type { Diagnostic } from "../errors.js";
import { globToRegExp } from "../expand/glob.js";
import { didYouMean } from "../validate/did-you-mean.js";

/** `--only` / `--exclude` patterns. */
export interface Selection {
  /** Keep only runs matching any of these (all runs when empty or absent). */
  only?: readonly string[];
  /** Then drop runs matching any of these. */
  exclude?: readonly string[];
}

/** What selection looks at in a run. */
export interface Selectable {
  /** Run key: `entryKey/configuration/release`. */
  key: string;
  entryKey: string;
  labels: readonly string[];
}

/**
 * Whether a pattern matches a run. `label:NAME` matches a label, `key:GLOB` an entry key or run
 * key; a bare pattern matches the entry key, the run key or a label. `*` and `?` are globs.
 */
export function matchesPattern(run: Selectable, pattern: string): boolean {
  if (pattern.startsWith("label:")) {
    const re = globToRegExp(pattern.slice(6));
    return run.labels.some((l) => re.test(l));
  }
  const keyOnly = pattern.startsWith("key:");
  const re = globToRegExp(keyOnly ? pattern.slice(4) : pattern);
  if (re.test(run.entryKey) || re.test(run.key)) return true;
  return !keyOnly && run.labels.some((l) => re.test(l));
}

/**
 * Applies `--only` then `--exclude`. A pattern that matches no run at all is reported (as a
 * warning: usually a typo), and an empty result as an error.
 */
export function selectRuns<T extends Selectable>(
  runs: readonly T[],
  selection: Selection = {},
  file = "<selection>",
): { runs: T[]; diagnostics: Diagnostic[] } {
  const only = selection.only ?? [];
  const exclude = selection.exclude ?? [];
  const diagnostics: Diagnostic[] = [];
  const known = () => new Set(runs.flatMap((r) => [r.entryKey, ...r.labels]));
  for (const [flag, patterns] of [
    ["--only", only],
    ["--exclude", exclude],
  ] as const) {
    for (const p of patterns) {
      if (!runs.some((r) => matchesPattern(r, p)))
        diagnostics.push({
          code: "PLAN_SELECTION",
          severity: "warning",
          message:
            `${flag} ${JSON.stringify(p)} matches no ` +
            `run${didYouMean(p.replace(/^(label|key):/, ""), known())}; patterns match entry keys, run keys ` +
            `(entry/configuration/release) and labels (\`label:NAME\`)`,
          file,
          line: 1,
          column: 1,
        });
    }
  }
  const kept = runs.filter(
    (r) => (only.length === 0 || only.some((p) => matchesPattern(r, p))) && !exclude.some((p) => matchesPattern(r, p)),
  );
  if (kept.length === 0 && runs.length > 0 && (only.length > 0 || exclude.length > 0))
    diagnostics.push({
      code: "PLAN_SELECTION",
      severity: "error",
      message: "the selection leaves no run to do; loosen --only or --exclude",
      file,
      line: 1,
      column: 1,
    });
  return { runs: kept, diagnostics };
}
