import { Ajv2020 } from "ajv/dist/2020.js";
import type { FastifySchemaCompiler } from "fastify";
import { statusApiSchemas, type JsonSchemaObject } from "@qac/schemas";
import { applyReportSchema } from "./apply-report-schema.js";

/** Every schema the server validates with: the status API's plus the apply report. */
export function allSchemas(): JsonSchemaObject[] {
  return [...Object.values(statusApiSchemas), applyReportSchema()];
}

function createAjv(coerce: boolean): Ajv2020 {
  // Strict, all errors; query strings and path params arrive as text, so only those are coerced.
  const ajv = new Ajv2020({
    strict: true,
    allowUnionTypes: true,
    allErrors: true,
    useDefaults: true,
    coerceTypes: coerce,
  });
  for (const schema of allSchemas()) ajv.addSchema(schema);
  return ajv;
}

/**
 * The validator compiler of the server: one Ajv (draft 2020-12) for bodies, one that coerces
 * for query strings and params, every schema registered by `$id` at start.
 */
export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const strictAjv = createAjv(false);
  const coercingAjv = createAjv(true);
  return ({ schema, httpPart }) => {
    const ajv = httpPart === "body" ? strictAjv : coercingAjv;
    return ajv.compile(schema as object);
  };
}
