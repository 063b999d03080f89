import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { errorCodesOf } from "../src/error-codes.js";
import { inlineCodeSpans, markdownSection } from "../src/markdown-section.js";
import { publicSurface } from "../src/public-surface.js";
import { PACKAGES, repoRoot } from "../src/repo-root.js";

const escape = (s: string) => s.replace(/[$]/g, "\\$&");

/**
 * A package's README must name every export in its "Public API" section, and every bullet there
 * must start with something the package exports: adding, removing or renaming an export without
 * updating the README fails here.
 */
describe("package READMEs list the public API", () => {
  for (const pkg of PACKAGES) {
    describe(pkg.name, () => {
      const surface = publicSurface(pkg.dir);
      const readme = readFileSync(join(repoRoot(), pkg.dir, "README.md"), "utf8");
      const section = markdownSection(readme, /^Public API$/);

      it("has a Public API section", () => {
        expect(section, `${pkg.dir}/README.md needs a "## Public API" section`).not.toBeNull();
      });

      it("names every export of src/index.ts", () => {
        const text = inlineCodeSpans(section ?? "").join("\n");
        const missing = surface
          .filter((e) => !new RegExp(`(^|[^\\w$])${escape(e.name)}([^\\w$]|$)`, "m").test(text))
          .map((e) => e.name);
        expect(missing, `${pkg.dir}/README.md "Public API" does not mention these exports`).toEqual([]);
      });

      it("lists nothing the package no longer exports", () => {
        const exported = new Set([
          ...surface.map((e) => e.name),
          ...(pkg.codeType ? errorCodesOf(pkg.dir, pkg.codeType) : []),
        ]);
        const leading = [...(section ?? "").matchAll(/^\s*[-*]\s+`([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]!);
        expect(
          leading.filter((name) => !exported.has(name)),
          `${pkg.dir}/README.md "Public API" lists names that are not exported`,
        ).toEqual([]);
      });

      it("has TSDoc on every export", () => {
        expect(surface.filter((e) => e.doc.trim() === "").map((e) => e.name)).toEqual([]);
      });

      it("has no TSDoc summary cut short by a bare @scope/package (write it in backticks)", () => {
        expect(surface.filter((e) => e.tags.includes("qac")).map((e) => e.name)).toEqual([]);
      });
    });
  }
});
