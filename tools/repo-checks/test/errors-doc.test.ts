import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CORE_ERROR_CODES } from "@qac/core";
import { PLAN_ERROR_CODES } from "@qac/planner";
import { RUNNER_ERROR_CODES } from "@qac/runner";
import { STATUS_ERROR_CODES } from "@qac/status-server";
import { errorCodesOf } from "../src/error-codes.js";
import { markdownSection } from "../src/markdown-section.js";
import { PACKAGES, repoRoot } from "../src/repo-root.js";

const doc = readFileSync(join(repoRoot(), "docs/errors.md"), "utf8");
const withCodes = PACKAGES.flatMap((p) => (p.codeType ? [{ ...p, codeType: p.codeType }] : []));

/** `### \`CODE\`` entries of one package's section, with their text. */
function documented(pkg: string): Map<string, string> {
  const section = markdownSection(doc, new RegExp(`^${pkg.replace("/", "\\/")}$`));
  expect(section, `docs/errors.md has a "## ${pkg}" section`).not.toBeNull();
  const entries = new Map<string, string>();
  for (const part of section!.split(/^### /m).slice(1)) {
    const m = /^`([A-Z][A-Z0-9_]+)`\s*\n([\s\S]*)$/.exec(part);
    expect(m, `malformed entry under ${pkg}: ### ${part.slice(0, 40)}`).not.toBeNull();
    expect(entries.has(m![1]!), `${m![1]} is documented twice`).toBe(false);
    entries.set(m![1]!, m![2]!);
  }
  return entries;
}

describe("docs/errors.md", () => {
  for (const pkg of withCodes) {
    it(`lists exactly the codes of ${pkg.name} (${pkg.codeType}), each with what it means and how to fix it`, () => {
      const entries = documented(pkg.name);
      expect([...entries.keys()].sort()).toEqual(errorCodesOf(pkg.dir, pkg.codeType));
      for (const [code, text] of entries) {
        expect(text, code).toMatch(/\*\*Means:\*\* \S/);
        expect(text, code).toMatch(/\*\*Fix:\*\* \S/);
      }
    });
  }

  it("agrees with the runtime code lists the packages export", () => {
    expect([...CORE_ERROR_CODES].sort()).toEqual(errorCodesOf("packages/core", "CoreErrorCode"));
    expect([...PLAN_ERROR_CODES].sort()).toEqual(errorCodesOf("packages/planner", "PlanErrorCode"));
    expect([...RUNNER_ERROR_CODES].sort()).toEqual(errorCodesOf("packages/runner", "RunnerErrorCode"));
    expect([...STATUS_ERROR_CODES].sort()).toEqual(errorCodesOf("packages/status-server", "StatusErrorCode"));
  });

  it("documents no code that no package has", () => {
    const all = new Set(withCodes.flatMap((p) => errorCodesOf(p.dir, p.codeType)));
    const headings = [...doc.matchAll(/^### `([A-Z0-9_]+)`/gm)].map((m) => m[1]!);
    expect(headings.filter((h) => !all.has(h))).toEqual([]);
  });
});
