/**
 * @qac/schemas: the JSON Schemas of qac (the single source of truth) and the TypeScript types
 * generated from them.
 */
export {
  planSchema,
  planSchemaId,
  applyReportSchema,
  /** @public The schema of `qac plan --format json`. */
  previewSchema,
  savedPlanSchema,
  schemas,
} from "./schemas.js";
export type { JsonSchemaObject } from "./schemas.js";
export type {
  PlanFile,
  Defaults,
  Entry,
  Routing,
  RoutingRule,
  When,
  EntityRef,
  ReleaseRef,
  ById,
  ByName,
  ByPath,
  ShortName,
  ShortNames,
  Label,
  Labels,
  Match,
  EntityMatch,
} from "./plan.generated.js";
export type { ApplyReport, CiInfo, ReportRun, ReportSummary, WaitSummary } from "./apply-report.generated.js";
export type { PreviewDocument, PreviewRun } from "./preview.generated.js";
export type { SavedPlan, SavedDecision, SavedResolvedPlan } from "./saved-plan.generated.js";
export { statusApiSchemas } from "./status-api.js";
export type { StatusApiSchemaName } from "./status-api.js";
export type {
  StatusErrorResponse,
  AppliesQuery,
  ApplyCreated,
  ApplySummary,
  ApplyList,
  StoredApply,
  StatusCounts,
  PlanList,
  PlanOverview,
  RunsQuery,
  RunList,
  StatusRun,
  LedgerQuery,
  LedgerEntries,
  StoredLedgerEntry,
  LedgerRecordRequest,
  LedgerEntry,
  LedgerRecorded,
  LedgerConflict,
  StatusLeaseRequest,
  LeaseHolder,
  LeaseRenew,
  StatusLease,
  LeaseList,
  LeaseConflict,
  Health,
} from "./status-api.generated.js";
