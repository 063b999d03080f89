import { describe, expect, it } from "vitest";
import type { Diagnostic } from "./errors.js";
import { formatDiagnostic, type DiagnosticStyle } from "./format-diagnostic.js";

const error: Diagnostic = {
  code: "PLAN_UNKNOWN_REF",
  severity: "error",
  message: 'configuration "chrom" is not defined',
  file: "plan.yaml",
  line: 4,
  column: 7,
  endColumn: 12,
  sourceLine: "    - chrom",
};

/** Shows which style each part gets. */
const tags: DiagnosticStyle = (format, text) => `<${format}>${text}</${format}>`;

describe("formatDiagnostic", () => {
  it("is plain text without a style: no terminal codes", () => {
    const text = formatDiagnostic(error);
    expect(text).toBe(
      'plan.yaml:4:7 error PLAN_UNKNOWN_REF configuration "chrom" is not defined\n' +
        "   4 |     - chrom\n" +
        "     |       ^^^^^",
    );
    expect(text).not.toContain("\u001b");
  });

  it("styles the location bold, the level red, the code and gutter dim, the caret red", () => {
    expect(formatDiagnostic(error, { style: tags })).toBe(
      '<bold>plan.yaml:4:7</bold> <red>error</red> <dim>PLAN_UNKNOWN_REF</dim> configuration "chrom" is not defined\n' +
        "<dim>   4 |</dim>     - chrom\n" +
        "<dim>     |</dim> <red>      ^^^^^</red>",
    );
  });

  it("styles a warning's level yellow", () => {
    const { sourceLine: _, ...noExcerpt } = error;
    const warning: Diagnostic = { ...noExcerpt, severity: "warning" };
    expect(formatDiagnostic(warning, { style: tags })).toBe(
      "<bold>plan.yaml:4:7</bold> <yellow>warning</yellow> <dim>PLAN_UNKNOWN_REF</dim> " +
        'configuration "chrom" is not defined',
    );
  });
});
