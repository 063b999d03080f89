import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { generatePlanTypes, generatedPath } from "../scripts/generate-types.js";

describe("generated plan types", () => {
  it("match a fresh generation from plan.schema.json (run `pnpm generate` after changing the schema)", async () => {
    const committed = await readFile(generatedPath, "utf8");
    expect(committed).toBe(await generatePlanTypes());
  });
});
