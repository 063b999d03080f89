import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { savedPlanSchema, schemas } from "@qac/schemas";

let validator: ValidateFunction | undefined;

/**
 * What in `value` does not match schemas/saved-plan.schema.json, one line per problem (empty when
 * it matches). The validator is compiled once, on first use: only `qac apply plan.json` needs it.
 */
export function savedPlanErrors(value: unknown): string[] {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    for (const schema of schemas) ajv.addSchema(schema);
    validator = ajv.getSchema(savedPlanSchema.$id);
    if (!validator) throw new Error(`schema ${savedPlanSchema.$id} is not registered`);
  }
  return validator(value) ? [] : (validator.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}
