import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HTTP_STATUS_OF, STATUS_ERROR_CODES } from "./errors.js";

describe("error codes", () => {
  it("are each documented in docs/errors.md with the HTTP status they answer with", () => {
    const doc = readFileSync(new URL("../../../docs/errors.md", import.meta.url), "utf8");
    for (const code of STATUS_ERROR_CODES) {
      const means = doc.split(`### \`${code}\`\n`)[1]?.split("\n")[0];
      expect(means, `docs/errors.md documents ${code}`).toMatch(/^\*\*Means:\*\* \(/);
      if (code !== "STATUS_CONFIG") expect(means).toContain(`**Means:** (${HTTP_STATUS_OF[code]})`);
    }
  });
});
