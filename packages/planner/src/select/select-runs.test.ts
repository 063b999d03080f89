import { describe, expect, it } from "vitest";
import { matchesPattern, selectRuns } from "./select-runs.js";

const runs = [
  { key: "checkout/chrome/b42", entryKey: "checkout", labels: ["smoke", "team:payments"] },
  { key: "checkout/safari/b42", entryKey: "checkout", labels: ["smoke", "team:payments"] },
  { key: "search/chrome/-", entryKey: "search", labels: ["nightly"] },
];

describe("selectRuns", () => {
  it("keeps runs matching --only by entry key, run key glob or label, then drops --exclude", () => {
    expect(selectRuns(runs, { only: ["checkout"] }).runs.map((r) => r.key)).toEqual([
      "checkout/chrome/b42",
      "checkout/safari/b42",
    ]);
    expect(selectRuns(runs, { only: ["*/chrome/*"] }).runs.map((r) => r.key)).toEqual([
      "checkout/chrome/b42",
      "search/chrome/-",
    ]);
    expect(selectRuns(runs, { only: ["label:team:*"], exclude: ["*/safari/*"] }).runs.map((r) => r.key)).toEqual([
      "checkout/chrome/b42",
    ]);
    expect(selectRuns(runs, {}).runs).toHaveLength(3);
  });

  it("tells label:, key: and bare patterns apart", () => {
    const run = runs[2]!;
    expect(matchesPattern(run, "nightly")).toBe(true);
    expect(matchesPattern(run, "key:nightly")).toBe(false);
    expect(matchesPattern(run, "label:search")).toBe(false);
    expect(matchesPattern(run, "key:SEARCH")).toBe(true); // case-insensitive
  });

  it("warns about a pattern that matches nothing and fails a selection that leaves no run", () => {
    const warned = selectRuns(runs, { only: ["checkout", "chekout"] }, "plan.yaml");
    expect(warned.runs).toHaveLength(2);
    expect(warned.diagnostics.map((d) => `${d.severity} ${d.code} ${d.message.split(";")[0]}`)).toEqual([
      'warning PLAN_SELECTION --only "chekout" matches no run',
    ]);
    expect(warned.diagnostics[0]!.message).toContain('did you mean "checkout"?');
    const empty = selectRuns(runs, { exclude: ["*"] });
    expect(empty.runs).toEqual([]);
    expect(empty.diagnostics.map((d) => d.severity)).toEqual(["error"]);
  });
});
