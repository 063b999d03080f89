import type { ResolvedPlan } from "@qac/planner";
import type { SavedPlan as SavedPlanDocument } from "@qac/schemas";
import type { Change } from "../diff/change.js";
import { RunnerError } from "../errors.js";
import type { RunHistory } from "../observe/observed-run.js";
import { savedPlanErrors } from "./saved-plan-errors.js";

/**
 * `qac plan --out plan.json` (schemas/saved-plan.schema.json): the resolved plan (ids, bodies)
 * and the decisions made from Run History, so `qac apply plan.json` applies exactly that, or
 * refuses it as stale. `plan` is the planner's `ResolvedPlan`, whose ids are branded.
 */
export type SavedPlan = Omit<SavedPlanDocument, "plan"> & { plan: ResolvedPlan };

/** Builds the saved plan of a preview. */
export function createSavedPlan(
  plan: ResolvedPlan,
  history: RunHistory,
  changes: readonly Change[],
  planName: string,
): SavedPlan {
  return {
    version: 1,
    kind: "qac-saved-plan",
    createdAt: new Date().toISOString(),
    planName,
    applyIdentity: history.applyIdentity,
    observedAt: history.observedAt,
    plan,
    decisions: changes.map((c) => ({ identity: c.identity, decision: c.decision, satisfiedBy: c.satisfiedBy })),
  };
}

/** True when `text` looks like a saved plan (JSON with `"kind": "qac-saved-plan"`), not a YAML plan. */
export function looksLikeSavedPlan(text: string): boolean {
  return /^\s*\{/.test(text) && text.includes('"qac-saved-plan"');
}

/** Parses and checks a saved plan; RUNNER_SAVED_PLAN says what is wrong and how to fix it. */
export function parseSavedPlan(text: string, file: string): SavedPlan {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RunnerError(
      "RUNNER_SAVED_PLAN",
      `${file} is not valid JSON (${(error as Error).message}); write it with qac plan --out ${file}`,
      { file },
    );
  }
  const v = value as Partial<SavedPlan>;
  if (v.kind !== "qac-saved-plan")
    throw new RunnerError(
      "RUNNER_SAVED_PLAN",
      `${file} is not a saved qac plan (no "kind": "qac-saved-plan"); write it with qac plan --out ${file}`,
      { file },
    );
  if (v.version !== 1)
    throw new RunnerError(
      "RUNNER_SAVED_PLAN",
      `${file} is a saved plan of version ${String(v.version)}; this qac reads version 1: plan again with this qac`,
      { file },
    );
  const plan = v.plan;
  if (
    !plan ||
    !Array.isArray(plan.runs) ||
    !plan.project ||
    !Array.isArray(v.decisions) ||
    typeof v.planName !== "string"
  )
    throw new RunnerError(
      "RUNNER_SAVED_PLAN",
      `${file} is incomplete (plan, runs, decisions or planName missing); plan again with qac plan --out`,
      { file },
    );
  const problems = savedPlanErrors(value);
  if (problems.length > 0)
    throw new RunnerError(
      "RUNNER_SAVED_PLAN",
      `${file} does not match schemas/saved-plan.schema.json (${problems.slice(0, 5).join("; ")}` +
        `${problems.length > 5 ? `; ${problems.length - 5} more` : ""}); plan again with qac plan --out`,
      { file },
    );
  const identities = new Set(plan.runs.map((r) => r.identity));
  if (v.decisions.some((d) => !identities.has(d.identity)) || v.decisions.length !== plan.runs.length)
    throw new RunnerError(
      "RUNNER_SAVED_PLAN",
      `${file} was edited: its decisions do not match its runs; plan again with qac plan --out`,
      { file },
    );
  return v as SavedPlan;
}
