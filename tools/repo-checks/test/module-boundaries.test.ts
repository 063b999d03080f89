import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../src/repo-root.js";

interface Boundary {
  may: string[];
  optional?: string[];
}
interface Project {
  dir: string;
  name: string;
  scope: string;
}
// eslint.boundaries.js is plain JavaScript at the root; its table is what these tests read.
const { BOUNDARIES, TEST_ONLY, workspaceProjects } = (await import(join(repoRoot(), "eslint.boundaries.js"))) as {
  BOUNDARIES: Record<string, Boundary>;
  TEST_ONLY: string[];
  workspaceProjects: () => Project[];
};

/**
 * The workspace's real lint configuration (eslint.config.js, which `pnpm lint` runs in every
 * package), with only the boundary rule switched on: the probes below are text that exists in no
 * tsconfig, so the type-checked rules (and the type information they need) are left out.
 */
const eslint = new ESLint({
  cwd: repoRoot(),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => ruleId === "qac/module-boundaries",
});

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot(), file) });
  return result!.messages.map((m) => `${m.ruleId ?? "fatal"}: ${m.message}`);
}

describe("module boundaries (qac/module-boundaries in eslint.config.js)", () => {
  it("fails lint when core imports the CLI", async () => {
    const found = await problems(
      "packages/core/src/boundary-probe.ts",
      'import { runCli } from "@qac/cli";\nvoid runCli;\n',
    );
    expect(found).toEqual([
      "qac/module-boundaries: @qac/core (scope:core) may not import @qac/cli (scope:cli): " +
        "the client is the bottom layer; it may import nothing of ours.",
    ]);
  });

  it("fails lint when the simulator imports anything of ours, even a type", async () => {
    const found = await problems(
      "packages/simulator/src/boundary-probe.ts",
      'import type { QacClient } from "@qac/core";\nexport type Probe = QacClient;\n',
    );
    expect(found).toEqual([expect.stringContaining("@qac/simulator (scope:simulator) may not import @qac/core")]);
  });

  it("fails lint when a package reaches into another by relative path", async () => {
    const found = await problems(
      "packages/runner/src/apply/boundary-probe.ts",
      'export { loadPlan } from "../../../planner/src/index.js";\n',
    );
    expect(found).toEqual([expect.stringContaining("import @qac/planner by its package name")]);
  });

  it("lets a layer import the layers below it", async () => {
    const code = [
      'import { createClient } from "@qac/core";',
      'import { planSchema } from "@qac/schemas";',
      "void [createClient, planSchema];",
    ].join("\n");
    expect(await problems("packages/planner/src/boundary-probe.ts", code)).toEqual([]);
    expect(await problems("packages/status-server/src/boundary-probe.ts", code)).toEqual([]);
  });

  it("lets tests, and only tests, start the simulator", async () => {
    const code = 'import { startSimulator } from "@qac/simulator";\nvoid startSimulator;\n';
    expect(await problems("packages/core/src/boundary-probe.test.ts", code)).toEqual([]);
    expect(await problems("packages/runner/src/test-support/boundary-probe.ts", code)).toEqual([]);
    expect(await problems("packages/core/src/boundary-probe.ts", code)).toHaveLength(1);
  });

  it("lets the CLI load its optional peers only when a command runs", async () => {
    const file = "packages/cli/src/commands/boundary-probe.ts";
    expect(await problems(file, 'export const load = () => import("@qac/status-server");\n')).toEqual([]);
    expect(
      await problems(file, 'import type { Simulator } from "@qac/simulator";\nexport type S = Simulator;\n'),
    ).toEqual([]);
    expect(await problems(file, 'import { startSimulator } from "@qac/simulator";\nvoid startSimulator;\n')).toEqual([
      expect.stringContaining("may load the optional peer @qac/simulator only with import()"),
    ]);
  });
});

describe("the Nx tags and package.json dependencies agree with the boundaries", () => {
  const projects = workspaceProjects();
  const scopeOf = new Map(projects.map((p) => [p.name, p.scope]));

  for (const project of projects) {
    it(`${project.name} (${project.scope}) depends only on what it may import`, () => {
      const pkg = JSON.parse(readFileSync(join(repoRoot(), project.dir, "package.json"), "utf8")) as Record<
        string,
        Record<string, string> | undefined
      >;
      const rules = BOUNDARIES[project.scope]!;
      const allowed = (scope: string, kind: string) =>
        rules.may.includes("*") ||
        rules.may.includes(scope) ||
        (kind === "peerDependencies" && (rules.optional ?? []).includes(scope)) ||
        (kind === "devDependencies" && [...TEST_ONLY, ...(rules.optional ?? [])].includes(scope));
      const wrong = ["dependencies", "peerDependencies", "devDependencies"].flatMap((kind) =>
        Object.keys(pkg[kind] ?? {})
          .filter((name) => scopeOf.has(name) && name !== project.name)
          .filter((name) => !allowed(scopeOf.get(name)!, kind))
          .map((name) => `${kind}: ${name}`),
      );
      expect(wrong).toEqual([]);
    });
  }
});
