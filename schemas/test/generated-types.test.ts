import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generatedFiles } from "../scripts/generate-types.js";

const root = fileURLToPath(new URL("..", import.meta.url));

describe("generated types", async () => {
  for (const { path, source } of await generatedFiles())
    it(`${relative(root, path)} matches a fresh generation from its schema (run \`pnpm generate\` after changing a schema)`, async () => {
      expect(await readFile(path, "utf8")).toBe(source);
    });
});
