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
} from "./plan.generated.js";
export { statusApiSchemas } from "./status-api.js";
export type { StatusApiSchemaName } from "./status-api.js";
