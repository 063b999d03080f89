import { readFileSync } from "node:fs";
import type { JsonSchemaObject } from "./schemas.js";

// The status server's request and response schemas (schemas/status-api/*.schema.json). Read at
// import time relative to this module: src/ and dist/ both sit one level below the schema folder.
/** Short names of the status server's API schemas, in the order their types are generated. */
export const STATUS_API_NAMES = [
  "error",
  "applies-query",
  "apply-created",
  "apply-summary",
  "apply-list",
  "stored-apply",
  "status-counts",
  "plan-list",
  "runs-query",
  "run-list",
  "ledger-query",
  "ledger-entries",
  "ledger-record",
  "ledger-recorded",
  "ledger-conflict",
  "lease-request",
  "lease-renew",
  "lease",
  "lease-list",
  "lease-conflict",
  "health",
] as const;

/** Short name of one status-server API schema, e.g. `"lease-request"`. */
export type StatusApiSchemaName = (typeof STATUS_API_NAMES)[number];

function load(name: StatusApiSchemaName): JsonSchemaObject {
  const schema = JSON.parse(
    readFileSync(new URL(`../status-api/${name}.schema.json`, import.meta.url), "utf8"),
  ) as JsonSchemaObject;
  if (typeof schema.$id !== "string") throw new Error(`schemas/status-api/${name}.schema.json has no $id`);
  return schema;
}

/**
 * The status server's HTTP API schemas by short name (JSON Schema 2020-12, each with a `$id`
 * under `https://qac.dev/schemas/status-api/`). They refer to each other by `$id`, so register
 * them all in one validator.
 */
export const statusApiSchemas: Readonly<Record<StatusApiSchemaName, JsonSchemaObject>> = Object.fromEntries(
  STATUS_API_NAMES.map((name) => [name, load(name)]),
) as Record<StatusApiSchemaName, JsonSchemaObject>;
