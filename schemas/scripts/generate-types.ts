/**
 * Generates `src/plan.generated.ts` from `plan.schema.json`, so the plan's TypeScript types are
 * never written by hand. `pnpm generate` writes the file; `test/generated-types.test.ts` fails
 * when the committed file differs from a fresh generation.
 */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { compile, type JSONSchema } from "json-schema-to-typescript";
import type { JsonSchemaObject } from "../src/schemas.js";
import { withoutInterpolation } from "../src/without-interpolation.js";

const schemaPath = fileURLToPath(new URL("../plan.schema.json", import.meta.url));
/** Where the generated types live (committed). */
export const generatedPath = fileURLToPath(new URL("../src/plan.generated.ts", import.meta.url));

const banner = `/* eslint-disable */
/**
 * GENERATED from schemas/plan.schema.json by \`pnpm --filter @qac/schemas generate\`. Do not edit:
 * change the schema and regenerate (a test fails when this file drifts from the schema).
 */`;

/** Returns the TypeScript source generated from the plan schema. */
export async function generatePlanTypes(): Promise<string> {
  // The types describe a plan's values after `${VAR}` interpolation, which is what programs get.
  const file = JSON.parse(await readFile(schemaPath, "utf8")) as JsonSchemaObject;
  const schema = withoutInterpolation(file) as JSONSchema;
  return compile(schema, "PlanFile", {
    bannerComment: banner,
    additionalProperties: false,
    unreachableDefinitions: true,
    // Tuple unions for minItems/maxItems make types unreadable; lengths are checked by the schema.
    maxItems: -1,
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    style: { printWidth: 120 },
  });
}

// Run as a script: write the file.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(generatedPath, await generatePlanTypes());
  console.error(`wrote ${generatedPath}`);
}
