import type { Diagnostic } from "./errors.js";

/**
 * Styles one part of a diagnostic, e.g. the CLI's colour helper on `node:util`'s `styleText`. The
 * planner writes no terminal codes of its own: whoever prints decides whether and how to colour.
 */
export type DiagnosticStyle = (format: "red" | "yellow" | "dim" | "bold", text: string) => string;

/** Options for {@link formatDiagnostic}. */
export interface FormatOptions {
  /**
   * Styles the parts: the location `bold`, the level `red` (error) or `yellow` (warning), the code
   * and the excerpt's gutter `dim`, the caret `red`. @default plain text
   */
  style?: DiagnosticStyle;
}

/** Characters of a source line shown in an excerpt. */
const EXCERPT = 200;

const plain: DiagnosticStyle = (_format, text) => text;

/**
 * Renders a diagnostic for a terminal: `file:line:col error CODE message`, then the source line
 * with a caret under the problem. Plain text unless `options.style` is given.
 *
 * @example
 * ```
 * plan.yaml:4:7 error PLAN_UNKNOWN_REF configuration "chrom" is not defined; did you mean "chrome"?
 *    4 |     - chrom
 *      |       ^^^^^
 * ```
 */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions = {}): string {
  const style = options.style ?? plain;
  const red = (s: string) => style("red", s);
  const yellow = (s: string) => style("yellow", s);
  const dim = (s: string) => style("dim", s);
  const bold = (s: string) => style("bold", s);
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
