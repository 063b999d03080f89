import { Ajv2020 } from "ajv/dist/2020.js";
import { schemas } from "@qac/schemas";

/** Validates `value` against a @qac/schemas schema with the same strict settings as the planner. */
export function validateAgainst(id: string, value: unknown): string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  for (const schema of schemas) ajv.addSchema(schema);
  const validate = ajv.getSchema(id);
  if (!validate) throw new Error(`no schema ${id}`);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
}
