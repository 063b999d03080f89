import { describe, expect, expectTypeOf, it } from "vitest";
import type { DesiredRun, ResolvedPlan } from "@qac/planner";
import { savedPlanSchema, type SavedResolvedPlan } from "@qac/schemas";
import { checkStale } from "../apply/check-stale.js";
import type { Change } from "../diff/change.js";
import { isRunnerError } from "../errors.js";
import type { RunHistory } from "../observe/observed-run.js";
import { fakeDesiredRun, fakeResolvedPlan } from "../test-support/fake-runs.js";
import { validateAgainst } from "../test-support/schema-validate.js";
import { createSavedPlan, looksLikeSavedPlan, parseSavedPlan } from "./saved-plan.js";

const run = (identity: string, runKey: string): DesiredRun => ({
  ...fakeDesiredRun({ key: identity }),
  identity,
  runKey,
});
const plan = fakeResolvedPlan([run("a", "a/chrome"), run("b", "b/chrome")]);
const history = { applyIdentity: "sha", observedAt: "2026-12-01T00:00:00.000Z" } as RunHistory;
const change = (r: DesiredRun, decision: Change["decision"], satisfiedBy: number | null): Change => ({
  identity: r.identity,
  run: r,
  decision,
  satisfiedBy,
  satisfiedByStatus: null,
  cause: null,
  reason: decision === "skip" ? `run ${satisfiedBy} is still Awaiting Run` : "none",
});

describe("saved plans", () => {
  const saved = createSavedPlan(
    plan,
    history,
    [change(plan.runs[0]!, "create", null), change(plan.runs[1]!, "skip", 7)],
    "p",
  );

  it("is what schemas/saved-plan.schema.json describes, for every resolved plan", () => {
    expect(validateAgainst(savedPlanSchema.$id, JSON.parse(JSON.stringify(saved)))).toEqual([]);
    expectTypeOf<ResolvedPlan>().toExtend<SavedResolvedPlan>();
  });

  it("round-trips through JSON and is told apart from a YAML plan", () => {
    const text = JSON.stringify(saved);
    expect(looksLikeSavedPlan(text)).toBe(true);
    expect(looksLikeSavedPlan("version: 1\nproject: Web Shop\n")).toBe(false);
    expect(parseSavedPlan(text, "plan.json")).toEqual(saved);
  });

  it.each([
    ["not JSON", "{ nope", "is not valid JSON"],
    ["another JSON file", "{}", 'no "kind": "qac-saved-plan"'],
    ["a future version", JSON.stringify({ ...saved, version: 2 }), "this qac reads version 1"],
    ["edited decisions", JSON.stringify({ ...saved, decisions: saved.decisions.slice(1) }), "was edited"],
    [
      "a run without its body",
      JSON.stringify({ ...saved, plan: { ...plan, runs: plan.runs.map(({ body: _body, ...r }) => r) } }),
      "does not match schemas/saved-plan.schema.json (/plan/runs/0 must have required property 'body'; " +
        "/plan/runs/1 must have required property 'body'); plan again with qac plan --out",
    ],
  ])("refuses %s with what to do", (_name, text, message) => {
    const error = (() => {
      try {
        parseSavedPlan(text, "plan.json");
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(isRunnerError(error, "RUNNER_SAVED_PLAN")).toBe(true);
    expect((error as Error).message).toContain(message);
  });

  it("is stale when a decision changed, listing each changed run", () => {
    expect(() =>
      checkStale(saved.decisions, [change(plan.runs[0]!, "create", null), change(plan.runs[1]!, "skip", 7)]),
    ).not.toThrow();
    try {
      checkStale(saved.decisions, [change(plan.runs[0]!, "skip", 9), change(plan.runs[1]!, "create", null)]);
      expect.unreachable();
    } catch (error) {
      expect(isRunnerError(error, "RUNNER_STALE_PLAN")).toBe(true);
      expect((error as Error).message).toContain(
        "a/chrome: planned create, now skip (run 9) (run 9 is still Awaiting Run)",
      );
      expect((error as Error).message).toContain("b/chrome: planned skip (run 7), now create");
    }
  });

  it("is not stale when a run to create is now satisfied by the --once-per record (an earlier apply's)", () => {
    const oncePer = { ...change(plan.runs[0]!, "skip", 9), cause: "once-per" as const };
    expect(() => checkStale(saved.decisions, [oncePer, change(plan.runs[1]!, "skip", 7)])).not.toThrow();
    // A planned skip that now points at another run is still a change.
    expect(() =>
      checkStale(saved.decisions, [
        change(plan.runs[0]!, "create", null),
        { ...change(plan.runs[1]!, "skip", 8), cause: "once-per" as const },
      ]),
    ).toThrow(/planned skip \(run 7\), now skip \(run 8\)/);
  });
});
