import { applyReportSchema as schema, type JsonSchemaObject } from "@qac/schemas";

/** `$id` of the runner's apply report schema (schemas/apply-report.schema.json). */
export const APPLY_REPORT_SCHEMA_ID: string = schema.$id;

/** The runner's apply report schema: the body of `POST /api/v1/applies`. */
export function applyReportSchema(): JsonSchemaObject {
  return schema;
}
