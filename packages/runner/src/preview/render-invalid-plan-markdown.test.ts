import { describe, expect, it } from "vitest";
import type { Diagnostic } from "@qac/planner";
import type { PreviewDocument } from "./build-preview.js";
import { fenceFor, safeUrl } from "./markdown-text.js";
import { renderInvalidPlanMarkdown } from "./render-invalid-plan-markdown.js";
import { renderPreviewMarkdown } from "./render-preview-markdown.js";

const diagnostic = (
  line: number,
  message = 'configuration "chrom" is not defined under `configurations:`',
): Diagnostic => ({
  code: "PLAN_UNKNOWN_REF",
  severity: "error",
  message,
  file: "plans/smoke.yaml",
  line,
  column: 22,
  endColumn: 27,
  sourceLine: "    configurations: [chrom]",
});
const warning: Diagnostic = {
  code: "PLAN_BOM",
  severity: "warning",
  message: "the file starts with a byte order mark; it is ignored",
  file: "plans/smoke.yaml",
  line: 1,
  column: 1,
};

const doc: PreviewDocument = {
  version: 1,
  kind: "qac-preview",
  plan: { name: "smoke", file: "plans/smoke.yaml" },
  project: { id: 1001, name: "Web Shop" },
  applyIdentity: null,
  observedAt: "2026-11-28T10:00:00.000Z",
  calls: { resolve: { total: 3, minimum: 3 }, observe: { total: 1, runLists: 1, itemLists: 0, minimum: 1 } },
  summary: { total: 0, create: 0, createForced: 0, skip: 0 },
  runs: [],
};

describe("renderInvalidPlanMarkdown", () => {
  it("keeps the preview's marker line, leads with the error count and shows each diagnostic with file:line", () => {
    const md = renderInvalidPlanMarkdown("smoke", "plans/smoke.yaml", [diagnostic(6), warning]);
    const lines = md.split("\n");
    expect(lines[0]).toBe("<!-- qac-preview: smoke -->");
    expect(lines[1]).toBe("### qac plan `smoke`: ❌ invalid plan, 1 error, 1 warning");
    expect(md).toContain('plans/smoke.yaml:6:22 error PLAN_UNKNOWN_REF configuration "chrom" is not defined');
    expect(md).toContain("   6 |     configurations: [chrom]");
    expect(md).toContain("plans/smoke.yaml:1:1 warning PLAN_BOM");
    expect(md.trimEnd().endsWith("```")).toBe(true);
  });

  it("links the status server when one is configured, and never a non-http URL", () => {
    expect(
      renderInvalidPlanMarkdown("smoke", "s.yaml", [diagnostic(1)], { statusUrl: "https://qac-status.example/" }),
    ).toContain("[status server](https://qac-status.example/)");
    expect(
      renderInvalidPlanMarkdown("smoke", "s.yaml", [diagnostic(1)], { statusUrl: "javascript:alert(1)" }),
    ).not.toContain("status server");
    expect(safeUrl("http://h/a (b)")).toBe("http://h/a%20%28b%29");
  });

  it("stays under the limit and says how many diagnostics were cut", () => {
    const many = Array.from({ length: 2000 }, (_, i) => diagnostic(i + 1));
    const md = renderInvalidPlanMarkdown("big", "big.yaml", many, { maxChars: 10_000 });
    expect(md.length).toBeLessThanOrEqual(10_000);
    const shown = md.split("\n").filter((l) => l.startsWith("plans/smoke.yaml:")).length;
    expect(shown).toBeGreaterThan(10);
    expect(md).toContain(`_${2000 - shown} more diagnostics not shown`);
    expect(renderInvalidPlanMarkdown("big", "big.yaml", many).length).toBeLessThan(65_535);
  });

  it("uses a fence longer than any backticks in the messages", () => {
    expect(fenceFor("a ``` b ```` c")).toBe("`````");
    const md = renderInvalidPlanMarkdown("smoke", "s.yaml", [diagnostic(1, "a ```` fence in a message")]);
    expect(md.split("\n")).toContain("`````");
  });
});

describe("renderPreviewMarkdown options", () => {
  it("counts warnings in the summary, lists them collapsed, and links the status server", () => {
    const md = renderPreviewMarkdown(doc, { statusUrl: "http://127.0.0.1:8790", warnings: [warning] });
    expect(md.split("\n")[1]).toBe("### qac plan `smoke`: 0 to create, 0 already satisfied, 1 warning");
    expect(md).toContain("· [status server](http://127.0.0.1:8790/)");
    expect(md).toContain("<details><summary>1 warning</summary>");
    expect(md).toContain("plans/smoke.yaml:1:1 warning PLAN_BOM");
  });

  it("adds nothing when there are no warnings and no status server", () => {
    const md = renderPreviewMarkdown(doc);
    expect(md).not.toContain("warning");
    expect(md).not.toContain("status server");
  });
});
