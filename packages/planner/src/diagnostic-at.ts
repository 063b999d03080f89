import type { Diagnostic, PlanErrorCode, Severity } from "./errors.js";
import type { Origin } from "./plan.js";

/** A diagnostic pointing at an {@link Origin} recorded when the plan was loaded. */
export function diagnosticAt(
  origin: Origin,
  code: PlanErrorCode,
  message: string,
  severity: Severity = "error",
): Diagnostic {
  const d: Diagnostic = {
    code,
    severity,
    message,
    file: origin.file,
    line: origin.line,
    column: origin.column,
    path: origin.path,
  };
  if (origin.endColumn !== undefined) d.endColumn = origin.endColumn;
  if (origin.sourceLine !== undefined) d.sourceLine = origin.sourceLine;
  return d;
}
