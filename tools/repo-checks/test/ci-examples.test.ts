import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { EXIT, runCli, type CliIo } from "@qac/cli";
import { dryParse } from "../src/dry-parse.js";
import { markdownSection } from "../src/markdown-section.js";
import { qacCommandLines, type QacCommandLine } from "../src/qac-command-lines.js";
import { repoRoot } from "../src/repo-root.js";

const root = repoRoot();
const ciDir = join(root, "examples/ci");
const githubFiles = readdirSync(join(ciDir, "github")).filter((f) => f.endsWith(".yml"));
const CI_FILES: { file: string; kind: "github" | "gitlab" }[] = [
  ...githubFiles.map((f) => ({ file: `github/${f}`, kind: "github" as const })),
  { file: "gitlab/.gitlab-ci.yml", kind: "gitlab" },
];
const read = (file: string) => readFileSync(join(ciDir, file), "utf8");
const lines = (file: string, kind: "github" | "gitlab") => qacCommandLines(read(file), kind);
const has = (cmds: readonly QacCommandLine[], command: string, ...flags: string[]) =>
  cmds.some((c) => c.args[0] === command && flags.every((f) => c.args.includes(f)));

describe("examples/ci", () => {
  it("has GitHub Actions workflows for pull requests and for main, and a GitLab CI file", () => {
    expect(githubFiles.sort()).toEqual(["qac-apply.yml", "qac-preview.yml"]);
  });

  for (const { file, kind } of CI_FILES) {
    it(`${file}: is valid YAML and every qac command line parses with the real CLI`, async () => {
      const cmds = lines(file, kind);
      expect(cmds.length).toBeGreaterThan(1);
      for (const cmd of cmds) {
        const result = await dryParse(cmd.args);
        expect(result, `${file} (${cmd.where}): qac ${cmd.args.join(" ")}`).toMatchObject({ ok: true });
      }
    });
  }

  it("GitHub: validates and previews on pull requests, posting through the marker-aware script", () => {
    const doc = parse(read("github/qac-preview.yml")) as {
      on: Record<string, unknown>;
      permissions: Record<string, string>;
    };
    expect(Object.keys(doc.on)).toEqual(["pull_request"]);
    expect(doc.permissions["pull-requests"]).toBe("write");
    const cmds = lines("github/qac-preview.yml", "github");
    expect(has(cmds, "validate")).toBe(true);
    expect(has(cmds, "plan", "--format", "markdown")).toBe(true);
    expect(read("github/qac-preview.yml")).toContain('require("./examples/ci/github/post-preview-comments.cjs")');
  });

  it("GitHub: applies on main once per commit, waits, writes JUnit and uploads it", () => {
    const text = read("github/qac-apply.yml");
    const doc = parse(text) as { on: { push: { branches: string[] } } };
    expect(doc.on.push.branches).toEqual(["main"]);
    const applies = lines("github/qac-apply.yml", "github").filter((c) => c.args[0] === "apply");
    expect(applies.length).toBeGreaterThan(0);
    for (const a of applies) {
      expect(a.args[a.args.indexOf("--once-per") + 1]).toBe("$GITHUB_SHA");
      expect(a.args).toEqual(expect.arrayContaining(["--wait", "--junit"]));
    }
    expect(text).toMatch(/uses: actions\/upload-artifact@v4[\s\S]*path: qac-results\/\*\.xml/);
  });

  it("GitLab: previews merge requests with notes and applies the default branch with a JUnit report", () => {
    const doc = parse(read("gitlab/.gitlab-ci.yml")) as Record<
      string,
      { after_script?: string[]; artifacts?: { reports?: { junit?: string } } }
    >;
    const cmds = lines("gitlab/.gitlab-ci.yml", "gitlab");
    expect(has(cmds, "validate") && has(cmds, "plan", "--format", "markdown")).toBe(true);
    expect(doc["qac-preview"]!.after_script).toEqual(["node examples/ci/gitlab/post-mr-notes.mjs qac-preview"]);
    const applies = cmds.filter((c) => c.args[0] === "apply");
    expect(applies.length).toBeGreaterThan(0);
    for (const a of applies)
      expect(a.args).toEqual(expect.arrayContaining(["--once-per", "$CI_COMMIT_SHA", "--wait", "--junit"]));
    expect(doc["qac-apply"]!.artifacts!.reports!.junit).toBe("qac-results/*.xml");
  });

  it("names plan files that exist and are valid", async () => {
    const github = ["github/qac-preview.yml", "github/qac-apply.yml"].map(
      (f) => (parse(read(f)) as { env: Record<string, string> }).env["PLANS"]!,
    );
    const gitlab = parse(read("gitlab/.gitlab-ci.yml")) as { variables: Record<string, string> };
    const files = [
      ...new Set(
        [...github, gitlab.variables["PLANS"]!, gitlab.variables["APPLY_PLANS"]!].flatMap((list) => list.split(/\s+/)),
      ),
    ];
    expect(files.length).toBeGreaterThan(0);
    const out: string[] = [];
    const io: CliIo = {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => out.push(t) },
      env: {},
      cwd: root,
    };
    expect(await runCli(["validate", ...files], io), out.join("")).toBe(EXIT.OK);
  });

  it("puts the CLI package's own qac launcher on the PATH", () => {
    const bin = (JSON.parse(readFileSync(join(root, "packages/cli/package.json"), "utf8")) as { bin: { qac: string } })
      .bin.qac;
    for (const { file } of CI_FILES) {
      const linked = [...read(file).matchAll(/ln -sf "\$\w+\/(packages\/cli\/[^"]+)"/g)].map((m) => m[1]);
      expect(linked, file).toEqual([join("packages/cli", bin)]);
    }
  });

  it("uses only environment variables the README documents", () => {
    const envSection = markdownSection(readFileSync(join(root, "README.md"), "utf8"), /^Environment variables$/);
    expect(envSection).not.toBeNull();
    for (const { file } of CI_FILES) {
      for (const name of new Set(read(file).match(/\bQAC_[A-Z_]+\b/g) ?? [])) {
        expect(envSection, `${file} uses ${name}`).toContain(`\`${name}\``);
      }
    }
  });
});
