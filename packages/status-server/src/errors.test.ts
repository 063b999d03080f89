import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HTTP_STATUS_OF, STATUS_ERROR_CODES } from "./errors.js";

describe("error codes", () => {
  it("are all documented in the README with their HTTP status", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    for (const code of STATUS_ERROR_CODES) {
      const row = readme.split("\n").find((line) => line.startsWith(`| \`${code}\``));
      expect(row, `README documents ${code}`).toBeDefined();
      if (code !== "STATUS_CONFIG") expect(row).toContain(`| ${HTTP_STATUS_OF[code]} |`);
    }
  });
});
