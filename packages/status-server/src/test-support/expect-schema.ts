import { Ajv2020 } from "ajv/dist/2020.js";
import type { StatusApiSchemaName } from "@qac/schemas";
import { APPLY_REPORT_SCHEMA_ID } from "../schema/apply-report-schema.js";
import { allSchemas } from "../schema/create-validators.js";

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
for (const schema of allSchemas()) ajv.addSchema(schema);

/** Throws with ajv's errors when `body` does not match the status API schema `name`. */
export function expectSchema(name: StatusApiSchemaName | "apply-report", body: unknown): void {
  const validate = ajv.getSchema(
    name === "apply-report" ? APPLY_REPORT_SCHEMA_ID : `https://qac.dev/schemas/status-api/${name}.schema.json`,
  );
  if (!validate) throw new Error(`no schema ${name}`);
  if (!validate(body)) throw new Error(`response does not match ${name}: ${ajv.errorsText(validate.errors)}`);
}
