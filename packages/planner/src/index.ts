/**
 * @qac/planner: load, validate and resolve qac test plans.
 */
export { loadPlan } from "./load/load-plan.js";
export type { LoadPlanOptions, LoadPlanResult, PlanInput } from "./load/load-plan.js";
export type { Env } from "./load/interpolate-env.js";
export { PLAN_ERROR_CODES, MAX_DIAGNOSTICS } from "./errors.js";
export type { Diagnostic, PlanErrorCode, Severity } from "./errors.js";
export { formatDiagnostic } from "./format-diagnostic.js";
export type { DiagnosticStyle, FormatOptions } from "./format-diagnostic.js";
export type {
  Definition,
  HostSource,
  Origin,
  Plan,
  PlanEntry,
  PlannedRun,
  PlanRouting,
  PlanRoutingRule,
  TargetKind,
} from "./plan.js";
export { resolvePlan } from "./resolve/resolve-plan.js";
export type { ResolvePlanOptions, ResolvePlanResult } from "./resolve/resolve-plan.js";
export type { PlannerClient } from "./resolve/fetch-catalog.js";
export { checkAutomations } from "./resolve/check-automations.js";
export type { AutomationCheck, AutomationClient, CheckAutomationsOptions } from "./resolve/check-automations.js";
export type {
  DesiredRun,
  ResolvedPlan,
  ResolveCalls,
  ResolvedConfiguration,
  ResolvedRelease,
  ResolvedHost,
  SequencePosition,
} from "./resolve/resolved-plan.js";
export { runIdentity } from "./resolve/run-identity.js";
export type { IdentityParts } from "./resolve/run-identity.js";
export type { Selection } from "./select/select-runs.js";
export { validatePlan } from "./validate/validate-plan.js";
export type { ValidatePlanOptions, ValidationReport } from "./validate/validate-plan.js";
