import type { Diagnostic } from "./errors.js";

/** Options for {@link formatDiagnostic}. */
export interface FormatOptions {
  /** Wrap parts in ANSI colours. @default false */
  color?: boolean;
}

/** Characters of a source line shown in an excerpt. */
const EXCERPT = 200;

const ansi = (code: number, on: boolean) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

/**
 * Renders a diagnostic for a terminal: `file:line:col error CODE message`, then the source line
 * with a caret under the problem.
 *
 * @example
 * ```
 * plan.yaml:4:7 error PLAN_UNKNOWN_REF configuration "chrom" is not defined; did you mean "chrome"?
 *    4 |     - chrom
 *      |       ^^^^^
 * ```
 */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions = {}): string {
  const color = options.color ?? false;
  const red = ansi(31, color);
  const yellow = ansi(33, color);
  const dim = ansi(2, color);
  const bold = ansi(1, color);
  const level = d.severity === "error" ? red("error") : yellow("warning");
  const head = `${bold(`${d.file}:${d.line}:${d.column}`)} ${level} ${dim(d.code)} ${d.message}`;
  if (d.sourceLine === undefined) return head;
  // Tabs would shift the caret; show them as one space each so columns line up.
  const source = d.sourceLine.replace(/\t/g, " ");
  const gutter = String(d.line).padStart(4);
  // Long lines are shown as a window of EXCERPT characters that keeps the problem in view.
  const at = d.column - 1;
  const from = at > EXCERPT - 40 ? at - 40 : 0;
  const shown = source.slice(from, from + EXCERPT);
  const before = from > 0 ? "…" : "";
  const after = source.length > from + EXCERPT ? "…" : "";
  const width = Math.max(1, Math.min((d.endColumn ?? d.column + 1) - d.column, shown.length - (at - from)));
  const caret = " ".repeat(before.length + Math.max(0, at - from)) + "^".repeat(width);
  return (
    `${head}\n${dim(`${gutter} |`)} ${before}${shown}${after}\n${dim(`${" ".repeat(gutter.length)} |`)} ` +
    `${red(caret)}`
  );
}
