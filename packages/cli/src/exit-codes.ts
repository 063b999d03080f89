/** Exit codes of `qac`. */
export const EXIT = {
  /** Success: every plan is valid, the command did what it was asked. */
  OK: 0,
  /** Any other error: bad arguments, unreadable files, network, a bug. */
  ERROR: 1,
  /** `qac plan --detailed-exitcode`: runs would be created. */
  CHANGES_PENDING: 2,
  /** A plan is invalid (its diagnostics say why). */
  INVALID_PLAN: 3,
} as const;

/** One of {@link EXIT}'s values. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

// Problems with the path itself (not the plan's content) are "any other error" (exit 1).
const FILE_CODES = new Set(["PLAN_FILE_NOT_FOUND", "PLAN_NOT_A_FILE"]);

/**
 * The exit code for plans that did not load or resolve: 3 (invalid plan) when any error is about
 * a plan's content, 1 when the only errors are files that could not be read.
 */
export function exitForInvalid(diagnostics: readonly { severity: string; code: string }[]): ExitCode {
  return diagnostics.some((d) => d.severity === "error" && !FILE_CODES.has(d.code)) ? EXIT.INVALID_PLAN : EXIT.ERROR;
}

const SEVERITY: Readonly<Record<ExitCode, number>> = { 0: 0, 2: 1, 1: 2, 3: 3 };

/**
 * The exit code of a command over several plan files: the worst of theirs, an invalid plan (3)
 * above any other error (1), as `qac validate` does.
 */
export function worseExit(a: ExitCode, b: ExitCode): ExitCode {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}
