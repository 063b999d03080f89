import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResolvedPlan } from "@qac/planner";
import { startFixture, resolveEntries, MIXED_ENTRIES, SIMULATOR_MODES } from "../test-support/fixtures.js";
import { validateAgainst } from "../test-support/schema-validate.js";
import { observeRunHistory } from "../observe/observe-run-history.js";
import { diffPlan } from "../diff/diff-plan.js";
import { applyPlan } from "../apply/apply-plan.js";
import { summarizeWait } from "../report/wait-summary.js";
import { waitForRuns } from "../wait/wait-for-runs.js";
import { buildPreview, type PreviewDocument } from "./build-preview.js";
import { renderPreviewMarkdown } from "./render-preview-markdown.js";

describe.each(SIMULATOR_MODES)("preview ($name)", ({ options }) => {
  let f: Awaited<ReturnType<typeof startFixture>>;
  let plan: ResolvedPlan;
  let doc: PreviewDocument;
  beforeAll(async () => {
    f = await startFixture(options);
    plan = await resolveEntries(
      f.client,
      `${MIXED_ENTRIES}  - key: forced
    test: Search by SKU jumps to product page
    configurations: [chrome]
    forceNewRun: true
`,
      "plans/mixed.yaml",
    );
    // Unfinished runs the Run History read returns but no desired run matches (another release, another
    // host), read before the pending run below: at a page cap the read takes several pages.
    f.sim.runs.insertMany(
      1001,
      [
        ...Array.from({ length: 6 }, () => ({ testSetId: 6101, testConfigId: 801, releaseId: 903, hostId: 101 })),
        ...Array.from({ length: 6 }, () => ({ testId: 3142, testConfigId: 801, releaseId: 904, hostId: 103 })),
      ].map((run) => ({ ...run, status: "Awaiting Run" as const })),
    );
    // One run already pending: the preview shows it as satisfied.
    await applyPlan(
      f.client,
      { ...plan, runs: [plan.runs[3]!], plannedRunKeys: [plan.runs[3]!.runKey] },
      { sleep: () => Promise.resolve() },
    );
    const history = await observeRunHistory(f.client, plan.project.id, plan.runs);
    doc = buildPreview(plan, history, diffPlan(plan.runs, history));
  });
  afterAll(() => f.close());

  it("renders markdown with the marker first, the summary, details collapsed, in a deterministic order", () => {
    const md = renderPreviewMarkdown(doc);
    const lines = md.split("\n");
    expect(lines[0]).toBe("<!-- qac-preview: mixed -->");
    expect(lines[1]).toBe("### qac plan `mixed`: 5 to create (1 forced), 1 already satisfied");
    expect(md).toContain("<details><summary>6 runs</summary>");
    expect(md.trimEnd().endsWith("</details>")).toBe(true);
    const rows = lines.filter((l) => l.startsWith("| ➕") || l.startsWith("| ✔️"));
    expect(rows.map((r) => r.split(" | ")[0])).toEqual([
      "| ➕ create (forced)",
      "| ➕ create",
      "| ➕ create",
      "| ➕ create",
      "| ➕ create",
      "| ✔️ skip",
    ]);
    const shuffled = { ...doc, runs: [...doc.runs].reverse() };
    expect(renderPreviewMarkdown(buildPreviewFrom(shuffled))).toBe(md);
  });

  it("reads the Run History with one page per filter, or the pages a cap of 5 needs with overlapping pages", () => {
    // 7 unfinished set runs take pages at offsets 0, 3 and 6 single-test runs at 0, 3 (each page of 5
    // repeats 2 rows of the one before: the overlap is a tenth of 1000 rows, at most half a page).
    const runLists = { none: 2, 5: 2 + 2 }[options.maxPageSize ?? "none"];
    expect(doc.calls.observe).toMatchObject({ runLists, itemLists: 0 });
  });

  it("cuts markdown rows under the limit and says how many were cut", () => {
    const many: PreviewDocument = {
      ...doc,
      runs: Array.from({ length: 2000 }, (_, i) => ({
        ...doc.runs[1]!,
        runKey: `k${String(i).padStart(4, "0")}`,
        title: `Test | <${i}>`,
      })),
    };
    const md = renderPreviewMarkdown(many);
    expect(md.length).toBeLessThanOrEqual(65_000);
    const shown = md.split("\n").filter((l) => l.startsWith("| ➕")).length;
    expect(shown).toBeGreaterThan(100);
    expect(md).toContain(
      `_${2000 - shown} more runs not shown: the comment would exceed GitHub's 65,535-character limit.`,
    );
    expect(md).toContain("Test \\| &lt;0&gt;");
    expect(md.trimEnd().endsWith("</details>")).toBe(true);
  });

  it("produces JSON that validates against schemas/preview.schema.json", () => {
    const json = JSON.parse(JSON.stringify(doc)) as unknown;
    expect(validateAgainst("https://qac.dev/schemas/preview.schema.json", json)).toEqual([]);
    expect(validateAgainst("https://qac.dev/schemas/preview.schema.json", { ...doc, version: 2 })).not.toEqual([]);
  });

  it("produces apply reports valid against schemas/apply-report.schema.json, with a wait inside too", async () => {
    const report = await applyPlan(f.client, plan, { sleep: () => Promise.resolve() });
    const schema = "https://qac.dev/schemas/apply-report.schema.json";
    expect(validateAgainst(schema, JSON.parse(JSON.stringify(report)))).toEqual([]);
    const ids = report.runs.flatMap((r) => (r.runId === null ? [] : [r.runId]));
    await f.sim.clock.advance(3_600_000);
    const waited = await waitForRuns(f.client, plan.project.id, ids, { sleep: () => Promise.resolve() });
    const withWait = { ...report, wait: summarizeWait(waited) };
    expect(withWait.wait.runs).toHaveLength(ids.length);
    expect(validateAgainst(schema, JSON.parse(JSON.stringify(withWait)))).toEqual([]);
  });
});

/** Re-sorts a document the way buildPreview does (display order is part of the contract). */
function buildPreviewFrom(d: PreviewDocument): PreviewDocument {
  const order = { "create-forced": 0, create: 1, skip: 2 } as const;
  return {
    ...d,
    runs: [...d.runs].sort((a, b) => order[a.decision] - order[b.decision] || a.runKey.localeCompare(b.runKey)),
  };
}
