import { schemas, type JsonSchemaObject } from "@qac/schemas";

/** `$id` the runner's apply report schema is registered under (schemas/apply-report.schema.json). */
export const APPLY_REPORT_SCHEMA_ID = "https://qac.dev/schemas/apply-report.schema.json";

// Used only while @qac/schemas does not ship the runner's schema yet: the contract's shape,
// checked as strictly as the server needs to store and show a report.
const nullable = (schema: object) => ({ anyOf: [schema, { type: "null" }] });
const str = { type: "string", maxLength: 2000 };
const interim: JsonSchemaObject = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: APPLY_REPORT_SCHEMA_ID,
  title: "ApplyReport",
  type: "object",
  required: ["version", "plan", "project", "applyIdentity", "startedAt", "finishedAt", "status", "ci", "user", "runs", "summary"],
  properties: {
    version: { const: 1 },
    plan: { type: "object", required: ["name", "file"], properties: { name: { type: "string", minLength: 1, maxLength: 200 }, file: nullable(str) } },
    project: { type: "object", required: ["id", "name"], properties: { id: { type: "integer", minimum: 1 }, name: nullable(str) } },
    applyIdentity: nullable(str),
    startedAt: str,
    finishedAt: nullable(str),
    status: { enum: ["succeeded", "failed", "interrupted"] },
    ci: nullable({ type: "object" }),
    user: nullable(str),
    runs: {
      type: "array",
      maxItems: 100000,
      items: {
        type: "object",
        required: ["identity", "runKey", "kind", "title", "decision", "outcome", "runId", "status"],
        properties: {
          identity: str,
          runKey: str,
          kind: { enum: ["test", "testSet"] },
          title: str,
          decision: str,
          outcome: str,
          runId: nullable({ type: "integer", minimum: 1 }),
          status: nullable(str),
          configuration: nullable({ type: "object", required: ["title"], properties: { title: str } }),
          release: nullable({ type: "object", required: ["title"], properties: { title: str, path: nullable(str) } }),
          host: nullable({ type: "object", required: ["name"], properties: { name: str } }),
        },
      },
    },
    summary: { type: "object" },
  },
};

/** The runner's apply report schema from @qac/schemas, or the interim copy of the contract until it ships. */
export function applyReportSchema(): JsonSchemaObject {
  return schemas.find((s) => s.$id === APPLY_REPORT_SCHEMA_ID) ?? interim;
}
