/**
 * @qac/planner: load, validate and resolve qac test plans.
 */
export { loadPlan } from "./load/load-plan.js";
export type { LoadPlanOptions, LoadPlanResult, PlanInput } from "./load/load-plan.js";
export type { Env } from "./load/interpolate-env.js";
export { DEFAULT_MAX_BYTES } from "./load/read-source.js";
export { MAX_ALIAS_COUNT } from "./load/parse-source.js";
export { planErrorCodes, PlanError, hasErrors } from "./errors.js";
export type { Diagnostic, PlanErrorCode, Severity } from "./errors.js";
export { formatDiagnostic } from "./format-diagnostic.js";
export type { FormatOptions } from "./format-diagnostic.js";
export type { Definition, HostSource, Origin, Plan, PlanEntry, PlannedRun, PlanRouting, PlanRoutingRule, TargetKind } from "./plan.js";
