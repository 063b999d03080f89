import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPlan, resolvePlan, validatePlan, type ResolvedPlan } from "@qac/planner";
import { applyPlan } from "../apply/apply-plan.js";
import { diffPlan } from "../diff/diff-plan.js";
import { isRunnerError } from "../errors.js";
import { observeRunHistory } from "../observe/observe-run-history.js";
import { buildPreview } from "../preview/build-preview.js";
import { SIMULATOR_MODES, startFixture } from "../test-support/fixtures.js";
import { checkEveryRun } from "./check-every-run.js";

describe("checkEveryRun", () => {
  const plan = { plannedRunKeys: ["a", "b", "c"], runs: [] } as unknown as ResolvedPlan;

  it("passes when every planned run is shown exactly once, in any order", () => {
    expect(() => checkEveryRun(plan, ["c", "a", "b"], "preview")).not.toThrow();
  });

  it("names runs that are missing, shown twice or not planned, as RUNNER_LOST_RUNS", () => {
    const error = (() => {
      try {
        checkEveryRun(plan, ["a", "a", "x"], "preview");
      } catch (e) {
        return e;
      }
    })();
    expect(isRunnerError(error, "RUNNER_LOST_RUNS")).toBe(true);
    expect((error as Error).message).toContain("2 missing (b, c); 1 shown twice (a); 1 not in the plan (x)");
  });
});

// Names and ids of the demo tenant's Web Shop, with folders, for routing by written value, title, id and folder.
const TARGETS = [
  { kind: "test", id: 3101, title: "Guest checkout with credit card" },
  { kind: "test", id: 3121, title: "Add product to cart from listing" },
  { kind: "test", id: 3141, title: "Search by product name" },
  { kind: "test", id: 3182, title: "Log in with e-mail and password" },
  { kind: "test", id: 3241, title: "Screen reader reads the checkout form", manual: true },
  { kind: "testSet", id: 6101, title: "Checkout smoke" },
  { kind: "testSet", id: 6102, title: "Search regression" },
] as const;

const written = (t: (typeof TARGETS)[number], form: number): string =>
  [JSON.stringify(t.title), String(t.id), `{ id: ${t.id} }`, `{ name: ${JSON.stringify(t.title)} }`][form]!;

// A rule names a target (often one the plan has) by title, title glob or id (quoted or a number):
// often not the form the entry is written in, so only the resolved title or id can match it.
const byName = (targets: readonly number[]) =>
  fc.record({ target: fc.constantFrom(...targets), how: fc.integer({ min: 0, max: 3 }) }).map(({ target, how }) => {
    const t = TARGETS[target]!;
    const pattern = [JSON.stringify(t.title), JSON.stringify(`${t.title.split(" ")[0]!}*`), `"${t.id}"`, t.id][how]!;
    return `{ ${t.kind}: ${pattern} }`;
  });
const conditions = (targets: readonly number[]) =>
  fc.oneof(
    { arbitrary: byName(targets), weight: 6 },
    {
      arbitrary: fc.constantFrom("Checkout", "Search", "Ac*").map((f) => `{ folder: ${JSON.stringify(f)} }`),
      weight: 1,
    },
    { arbitrary: fc.constant("{ configuration: firefox }"), weight: 1 },
  );

const entries = fc.uniqueArray(
  fc.record({
    target: fc.integer({ min: 0, max: TARGETS.length - 1 }),
    form: fc.integer({ min: 0, max: 3 }),
    configs: fc.constantFrom("", "[chrome]", "[chrome, firefox]"),
    host: fc.constantFrom("", "", "", "", "mac"),
  }),
  { minLength: 1, maxLength: 4, selector: (e) => e.target },
);

const planText = entries
  .chain((list) =>
    fc.record({
      entries: fc.constant(list),
      rules: fc.array(
        fc.record({ when: conditions(list.map((e) => e.target)), host: fc.constantFrom("linux", "mac", "windows") }),
        { minLength: 1, maxLength: 3 },
      ),
      fallback: fc.constantFrom("windows", "windows", "linux", null),
    }),
  )
  .map(({ entries, rules, fallback }) => {
    const lines = [
      "version: 1",
      "project: Web Shop",
      'configurations: { chrome: "Chrome / Windows 11", firefox: "Firefox / Ubuntu 24.04" }',
      "hosts: { windows: build-agent-01, linux: build-agent-02, mac: mac-agent-01 }",
      "routing:",
      "  rules:",
      ...rules.flatMap((r) => [`    - when: ${r.when}`, `      host: ${r.host}`]),
      ...(fallback ? [`  fallback: ${fallback}`] : []),
      "entries:",
      ...entries.flatMap((e) => {
        const t = TARGETS[e.target]!;
        return [
          `  - ${t.kind}: ${written(t, e.form)}`,
          ...(e.configs ? [`    configurations: ${e.configs}`] : []),
          ...("manual" in t ? ["    manual: true"] : e.host ? [`    host: ${e.host}`] : []),
        ];
      }),
    ];
    return `${lines.join("\n")}\n`;
  });

describe.each(SIMULATOR_MODES)(
  "every run a plan expands to is in the preview and report exactly once ($name)",
  ({ options }) => {
    let f: Awaited<ReturnType<typeof startFixture>>;
    beforeAll(async () => void (f = await startFixture(options)));
    afterAll(() => f.close());

    it("holds for generated plans routed by written value, title, id, folder, configuration and fallback", async () => {
      let applied = 0;
      await fc.assert(
        fc.asyncProperty(planText, async (text) => {
          const validated = await validatePlan({ text, file: "gen.yaml" }, { env: {} });
          const loaded = await loadPlan({ text, file: "gen.yaml" }, { env: {} });
          if (!loaded.ok) return;
          const resolved = await resolvePlan(loaded.plan, f.client);
          // A plan that resolves has a desired run for every run validate counted.
          if (!resolved.ok) return;
          const plan = resolved.resolved;
          expect(plan.plannedRunKeys).toHaveLength(validated.runs);
          expect(plan.runs.map((r) => r.runKey).sort()).toEqual([...plan.plannedRunKeys].sort());
          const history = await observeRunHistory(f.client, plan.project.id, plan.runs);
          const preview = buildPreview(plan, history, diffPlan(plan.runs, history));
          expect(preview.runs.map((r) => r.runKey).sort()).toEqual([...plan.plannedRunKeys].sort());
          const report = await applyPlan(f.client, plan, { sleep: () => Promise.resolve() });
          expect(report.runs.map((r) => r.runKey).sort()).toEqual([...plan.plannedRunKeys].sort());
          expect(report.runs.every((r) => r.outcome === "created" || r.outcome === "satisfied")).toBe(true);
          applied += 1;
        }),
        { numRuns: 100, seed: 20261203 },
      );
      // Not vacuous: most generated plans are valid and were applied.
      expect(applied).toBeGreaterThan(50);
    });
  },
);
