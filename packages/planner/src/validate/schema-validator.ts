import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { planSchemaId, schemas, type PlanFile } from "@qac/schemas";

let validator: ValidateFunction<PlanFile> | undefined;

/**
 * The plan validator: ONE ajv instance with every schema of @qac/schemas registered by `$id`,
 * compiled once on first use (compiling costs milliseconds; validating many files must not).
 */
function planValidator(): ValidateFunction<PlanFile> {
  if (validator) return validator;
  // verbose: errors carry the failing (parent) schema, used to word messages from its description.
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
  for (const schema of schemas) ajv.addSchema(schema);
  const compiled = ajv.getSchema<PlanFile>(planSchemaId);
  if (!compiled) throw new Error(`schema ${planSchemaId} is not registered`);
  validator = compiled;
  return validator;
}

/** Validates plan data against the schema and returns ajv's errors (empty when valid). */
export function schemaErrors(data: unknown): ErrorObject[] {
  const validate = planValidator();
  return validate(data) ? [] : [...(validate.errors ?? [])];
}
