import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { EXIT, runCli, type CliIo } from "@qac/cli";
import { dryParse } from "../src/dry-parse.js";
import { markdownSection } from "../src/markdown-section.js";
import { qacCommandLines } from "../src/qac-command-lines.js";
import { repoRoot } from "../src/repo-root.js";

const root = repoRoot();
const read = (file: string) => readFileSync(join(root, file), "utf8");
const cliVersion = (JSON.parse(read("packages/cli/package.json")) as { version: string }).version;
const action = parse(read("action.yml")) as { inputs: Record<string, { required?: boolean }> };
const TEMPLATE = "gitlab/qac.gitlab-ci.yml";

type Step = { name?: string; uses?: string; with?: Record<string, unknown>; if?: string };
type Workflow = {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
};
const workflow = (file: string) => parse(read(`examples/ci/github/${file}`)) as Workflow;
const qacSteps = (w: Workflow) =>
  Object.values(w.jobs).flatMap((j) => j.steps.filter((s) => s.uses?.startsWith("qac-dev/qac@")));

/** What `qac init --ci github|gitlab` writes, to hold the examples to the same Action and template. */
async function initCi(ci: "github" | "gitlab"): Promise<string> {
  const cwd = mkdtempSync(join(tmpdir(), "qac-repo-checks-init-"));
  const io: CliIo = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd };
  expect(await runCli(["init", "--project", "Web Shop", "--ci", ci], io)).toBe(EXIT.OK);
  return readFileSync(join(cwd, ci === "github" ? ".github/workflows/qac.yml" : ".gitlab-ci.yml"), "utf8");
}

describe("examples/ci", () => {
  it("has GitHub Actions workflows for pull requests and for main, a GitLab CI file, and no scripts to copy", () => {
    expect(readdirSync(join(root, "examples/ci/github")).sort()).toEqual(["qac-apply.yml", "qac-preview.yml"]);
    expect(readdirSync(join(root, "examples/ci/gitlab"))).toEqual([".gitlab-ci.yml"]);
  });

  it("GitHub: every qac step uses the Action as qac init writes it, with inputs the Action has", async () => {
    const initUses = (parse(await initCi("github")) as Workflow).jobs["preview"]!.steps.find((s) =>
      s.uses?.startsWith("qac-dev/qac@"),
    )!.uses;
    for (const file of ["qac-preview.yml", "qac-apply.yml"]) {
      const steps = qacSteps(workflow(file));
      expect(steps.length, file).toBeGreaterThan(0);
      for (const step of steps) {
        expect(step.uses).toBe(initUses);
        expect(
          Object.keys(step.with ?? {}).filter((k) => !(k in action.inputs)),
          `${file}: inputs action.yml lacks`,
        ).toEqual([]);
        expect(["validate", "plan", "apply"]).toContain(step.with?.["command"]);
        expect(step.with?.["plans"]).toBeTruthy();
      }
    }
  });

  it("GitHub: validates and previews on pull requests with the comment, allowed to write it", () => {
    const w = workflow("qac-preview.yml");
    expect(Object.keys(w.on)).toEqual(["pull_request"]);
    expect(w.permissions?.["pull-requests"]).toBe("write");
    expect(qacSteps(w).map((s) => s.with?.["command"])).toEqual(["validate", "plan"]);
    expect(w.jobs["preview"]!.steps.find((s) => s.uses === "actions/setup-node@v4")?.with).toEqual({
      "node-version": 24,
    });
  });

  it("GitHub: applies on main once per commit, waits, writes JUnit and uploads it", () => {
    const w = workflow("qac-apply.yml");
    expect((w.on["push"] as { branches: string[] }).branches).toEqual(["main"]);
    const [apply] = qacSteps(w);
    expect(apply!.with).toMatchObject({
      command: "apply",
      "once-per": "${{ github.sha }}",
      wait: true,
      junit: "qac-results",
    });
    expect(read("examples/ci/github/qac-apply.yml")).toMatch(
      /uses: actions\/upload-artifact@v4[\s\S]*path: qac-results\/\*\.xml/,
    );
  });

  it("GitLab: includes the template as qac init does, from this repo's gitlab/, at the CLI's version", async () => {
    const example = parse(read("examples/ci/gitlab/.gitlab-ci.yml")) as {
      include: { remote: string }[];
      variables: Record<string, string>;
    };
    const init = parse(await initCi("gitlab")) as { include: { remote: string }[] };
    expect(example.include).toEqual(init.include);
    expect(example.include[0]!.remote).toMatch(new RegExp(`/v1/${TEMPLATE.replace(".", "\\.")}$`));
    expect(existsSync(join(root, TEMPLATE))).toBe(true);
    expect(example.variables["QAC_VERSION"]).toBe(cliVersion);
  });

  it("the GitLab template: valid YAML, every qac command line parses with the real CLI, notes and JUnit", async () => {
    const cmds = qacCommandLines(read(TEMPLATE), "gitlab");
    expect(cmds.map((c) => c.args[0])).toEqual(expect.arrayContaining(["sim", "validate", "plan", "apply"]));
    // The template's own variables hold their defaults (`--timeout $QAC_TIMEOUT` is `--timeout 45m`).
    const defaults = (parse(read(TEMPLATE)) as { variables: Record<string, string> }).variables;
    for (const cmd of cmds) {
      const args = cmd.args.map((a) => a.replace(/^\$(QAC_\w+)$/, (m, name: string) => defaults[name] ?? m));
      expect(await dryParse(args), `${TEMPLATE} (${cmd.where}): qac ${args.join(" ")}`).toMatchObject({ ok: true });
    }
    for (const apply of cmds.filter((c) => c.args[0] === "apply"))
      expect(apply.args).toEqual(expect.arrayContaining(["--once-per", "$CI_COMMIT_SHA", "--wait", "--junit"]));
    const doc = parse(read(TEMPLATE)) as Record<
      string,
      { rules?: { if: string }[]; after_script?: string[]; artifacts?: { reports?: { junit?: string } } }
    >;
    expect(doc["qac-preview"]!.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(doc["qac-preview"]!.after_script!.join("\n")).toContain("merge_requests/${env.CI_MERGE_REQUEST_IID}/notes");
    expect(doc["qac-apply"]!.artifacts!.reports!.junit).toBe("qac-results/*.xml");
  });

  it("names plans (qac/<name>.yaml in a user's repository) that are valid example plans", async () => {
    const files = new Set<string>();
    for (const file of ["qac-preview.yml", "qac-apply.yml"])
      for (const step of qacSteps(workflow(file)))
        for (const f of String(step.with?.["plans"]).split(/\s+/)) files.add(f);
    const gitlab = parse(read("examples/ci/gitlab/.gitlab-ci.yml")) as { variables: Record<string, string> };
    for (const f of gitlab.variables["QAC_PLANS"]!.split(/\s+/)) files.add(f);
    const plans = [...files].flatMap((f) => (f === "qac/*.yaml" ? ["qac/smoke.yaml", "qac/nightly.yaml"] : [f]));
    expect(plans.every((f) => f.startsWith("qac/"))).toBe(true);
    const out: string[] = [];
    const io: CliIo = {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => out.push(t) },
      env: {},
      cwd: root,
    };
    const examples = plans.map((f) => f.replace(/^qac\//, "examples/plans/"));
    expect(await runCli(["validate", ...new Set(examples)], io), out.join("")).toBe(EXIT.OK);
  });

  it("uses only QAC_ variables the README documents", () => {
    const envSection = markdownSection(read("README.md"), /^Environment variables$/);
    expect(envSection).not.toBeNull();
    for (const file of [
      "examples/ci/github/qac-preview.yml",
      "examples/ci/github/qac-apply.yml",
      "examples/ci/gitlab/.gitlab-ci.yml",
      TEMPLATE,
    ])
      for (const name of new Set(read(file).match(/\bQAC_[A-Z_]+\b/g) ?? []))
        expect(envSection, `${file} uses ${name}`).toContain(`\`${name}\``);
  });
});
