import { readFileSync } from "node:fs";
import { withoutInterpolation } from "./without-interpolation.js";

/** A JSON Schema document as loaded from disk (draft 2020-12, with a `$id`). */
export interface JsonSchemaObject {
  $id: string;
  $schema: string;
  [keyword: string]: unknown;
}

// Read at import time relative to this module: `src/` (tests, typecheck) and `dist/` (runtime)
// both sit one level below the schema files, so one relative URL serves both.
function loadSchema(file: string): JsonSchemaObject {
  const schema = JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), "utf8")) as JsonSchemaObject;
  if (typeof schema.$id !== "string") throw new Error(`schemas/${file} has no $id`);
  return schema;
}

/**
 * The plan format, version 1, as validators apply it: to a plan's values after `${VAR}`
 * interpolation. It is `plan.schema.json` without the `${VAR}` alternatives that file offers
 * editors, under the same `$id`.
 * @see docs/plan-format.md
 */
export const planSchema: JsonSchemaObject = withoutInterpolation(loadSchema("plan.schema.json"));

/**
 * The `$id` of {@link planSchema}, the stable URL `https://qac.dev/schemas/plan.schema.json`; validators register
 * schemas under their `$id`.
 */
export const planSchemaId: string = planSchema.$id;

/** The report of one `qac apply`, version 1 (`schemas/apply-report.schema.json`). */
export const applyReportSchema: JsonSchemaObject = loadSchema("apply-report.schema.json");

/** The `qac plan --format json` document, version 1 (`schemas/preview.schema.json`). */
export const previewSchema: JsonSchemaObject = loadSchema("preview.schema.json");

/** The file `qac plan --out` writes and `qac apply` reads, version 1 (`schemas/saved-plan.schema.json`). */
export const savedPlanSchema: JsonSchemaObject = loadSchema("saved-plan.schema.json");

/** Every schema of this package but the status API's, for registering them all in one validator at start. */
export const schemas: readonly JsonSchemaObject[] = [planSchema, applyReportSchema, previewSchema, savedPlanSchema];
