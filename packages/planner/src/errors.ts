/**
 * Every problem the planner reports has one of these stable codes. Callers branch on `code`,
 * never on message text; docs/plan-format.md lists each code with its fix (a test keeps them in step).
 */
export const PLAN_ERROR_CODES = [
  /** The plan file does not exist. */
  "PLAN_FILE_NOT_FOUND",
  /** The path is a directory or another non-regular file. */
  "PLAN_NOT_A_FILE",
  /** The file (or text) is larger than the size cap. */
  "PLAN_FILE_TOO_LARGE",
  /** The file is not valid UTF-8 (or is UTF-16). */
  "PLAN_ENCODING",
  /** The file starts with a byte order mark (warning: it is ignored). */
  "PLAN_BOM",
  /** A tab is used for indentation. */
  "PLAN_TAB",
  /** YAML syntax error. */
  "PLAN_YAML",
  /** Too many alias expansions (a "billion laughs" document). */
  "PLAN_ALIAS_LIMIT",
  /** The document is empty or not a mapping. */
  "PLAN_EMPTY",
  /** The document does not match schemas/plan.schema.json. */
  "PLAN_SCHEMA",
  /** A key the schema does not know (often a typo). */
  "PLAN_UNKNOWN_KEY",
  /** `${VAR}` names an unset environment variable, or the expression is malformed. */
  "PLAN_ENV",
  /** An `include` cannot be read, or includes form a cycle. */
  "PLAN_INCLUDE",
  /** The plan has no `project`. */
  "PLAN_NO_PROJECT",
  /** A short name (configuration, release, host) that is not defined. */
  "PLAN_UNKNOWN_REF",
  /** Two map keys or two entry keys are the same. */
  "PLAN_DUPLICATE_KEY",
  /** A name is listed twice in one list. */
  "PLAN_DUPLICATE_ITEM",
  /** A short name is defined differently in two files. */
  "PLAN_DUPLICATE_NAME",
  /** Options that cannot be combined (e.g. `test` and `testSet`). */
  "PLAN_CONFLICT",
  /** An entry (or the whole plan, or a selection) produces no run. */
  "PLAN_EMPTY_EXPANSION",
  /** An automated run has no host after routing. */
  "PLAN_NO_HOST",
  /** Online: a name matches no entity. */
  "PLAN_NOT_FOUND",
  /** Online: a name matches several entities. */
  "PLAN_AMBIGUOUS",
  /** Online: the entity exists but is inactive. */
  "PLAN_INACTIVE",
  /** Online: two entries produce the same run. */
  "PLAN_DUPLICATE_RUN",
  /** Online, a warning: a release used by the plan is closed (or sits in a closed release). */
  "PLAN_RELEASE_CLOSED",
  /** Online, a warning: an automated test routed to a host has no automation, so its run would never start. */
  "PLAN_NO_AUTOMATION",
  /** A `--only`/`--exclude` pattern matches nothing. */
  "PLAN_SELECTION",
  /** More problems than are shown: the rest are summarised in one diagnostic. */
  "PLAN_TOO_MANY_PROBLEMS",
] as const;

/** A stable diagnostic code. */
export type PlanErrorCode = (typeof PLAN_ERROR_CODES)[number];

/** Whether a diagnostic makes the plan unusable. */
export type Severity = "error" | "warning";

/**
 * One problem in a plan, located in its file. Lines and columns are 1-based.
 */
export interface Diagnostic {
  code: PlanErrorCode;
  severity: Severity;
  /** What is wrong and how to fix it. */
  message: string;
  /** The file as given (relative paths stay relative), or `<text>` for text input. */
  file: string;
  line: number;
  column: number;
  /** Where the problem ends on the same line (exclusive), for a longer caret. */
  endColumn?: number;
  /** Path in the document, e.g. `/entries/2/configurations/0` (JSON Pointer). */
  path?: string;
  /** The source line the problem is on (for the caret excerpt). */
  sourceLine?: string;
}

/** Most diagnostics one plan reports; the rest are counted in one `PLAN_TOO_MANY_PROBLEMS`. */
export const MAX_DIAGNOSTICS = 100;

/**
 * Keeps the first {@link MAX_DIAGNOSTICS} diagnostics (they are in file and line order) and
 * summarises the rest where the first of them is, so a generated file with thousands of mistakes
 * gives a readable answer of bounded size.
 */
export function limitDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS) return diagnostics;
  const rest = diagnostics.slice(MAX_DIAGNOSTICS);
  const errors = rest.filter((d) => d.severity === "error").length;
  const first = rest[0]!;
  const counts = [
    errors ? `${errors} error${errors === 1 ? "" : "s"}` : "",
    rest.length - errors ? `${rest.length - errors} warning${rest.length - errors === 1 ? "" : "s"}` : "",
  ]
    .filter(Boolean)
    .join(" and ");
  const summary: Diagnostic = {
    code: "PLAN_TOO_MANY_PROBLEMS",
    severity: errors ? "error" : "warning",
    message: `${counts} more, from here on, are not shown; fix the ones above and validate again`,
    file: first.file,
    line: first.line,
    column: first.column,
  };
  return [...diagnostics.slice(0, MAX_DIAGNOSTICS), summary];
}

/** True when any diagnostic is an error (warnings alone leave a plan usable). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
