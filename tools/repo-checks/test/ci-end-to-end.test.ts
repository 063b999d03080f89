import { execFile } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DEFAULT_SEED_PATH, loadSeedFile, startSimulator, type Simulator } from "@qac/simulator";
import { repoRoot } from "../src/repo-root.js";

const root = repoRoot();

/** The `run:` script of one step of a GitHub workflow job. */
function stepScript(workflow: string, job: string, step: string): string {
  const doc = parse(readFileSync(join(root, workflow), "utf8")) as {
    jobs: Record<string, { steps: { name?: string; run?: string }[] }>;
  };
  const found = doc.jobs[job]!.steps.find((s) => s.name === step);
  if (!found?.run) throw new Error(`${workflow}: no step "${step}" with a run script in job ${job}`);
  return found.run;
}

/**
 * Runs the pull-request workflow's real "Preview" step with bash (as GitHub does: -eo pipefail),
 * `qac` being the CLI from source, against the simulator, with one valid and one broken plan;
 * then posts its output with the real comment script. This is the whole pull-request path.
 */
// Each test runs several real qac processes one after another; allow what one child script may take.
describe("the GitHub workflows, end to end", { timeout: 60_000 }, () => {
  let sim: Simulator;
  let dir: string;
  beforeAll(async () => {
    // Real time, fast outcomes (as in the demo): a 60 s test takes 0.3 s, hosts pick runs up after 1 s.
    const seed = loadSeedFile(DEFAULT_SEED_PATH);
    seed.simulation = { ...seed.simulation, speed: 200, pickup_delay_seconds: 1 };
    sim = await startSimulator({ seed });
    dir = mkdtempSync(join(tmpdir(), "qac-ci-e2e-"));
    mkdirSync(join(dir, "bin"));
    const tsx = pathToFileURL(createRequire(join(root, "package.json")).resolve("tsx")).href;
    writeFileSync(
      join(dir, "bin/qac"),
      `#!/bin/sh\nexec "${process.execPath}" --conditions=qac-source --import "${tsx}" "${join(root, "packages/cli/src/main.ts")}" "$@"\n`,
    );
    chmodSync(join(dir, "bin/qac"), 0o755);
    cpSync(join(root, "examples/plans"), join(dir, "examples/plans"), { recursive: true });
    writeFileSync(
      join(dir, "examples/plans/broken.yaml"),
      "version: 1\nproject: Web Shop\nentries:\n  - key: smoke\n    testSet: Checkout smoke\n    configurations: [chrom]\n",
    );
  });
  afterAll(async () => {
    await sim.close();
  });

  /** Runs a step's script with bash as GitHub does (-eo pipefail), `qac` on the PATH, connected to the simulator. */
  async function runStep(
    workflow: string,
    job: string,
    step: string,
    extraEnv: Record<string, string>,
  ): Promise<{ code: number; stdout: string }> {
    return runScript(stepScript(workflow, job, step), extraEnv);
  }

  async function runScript(
    script: string,
    extraEnv: Record<string, string>,
  ): Promise<{ code: number; stdout: string }> {
    const env = {
      PATH: `${join(dir, "bin")}:${process.env["PATH"] ?? ""}`,
      QAC_URL: sim.url,
      QAC_USER: "demo@qac.example",
      QAC_PASSWORD: "demo",
      NO_COLOR: "1",
      ...extraEnv,
    };
    return new Promise((resolve) => {
      const child = execFile(
        "bash",
        ["--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        { cwd: dir, env, timeout: 60_000 },
        (_error, stdout) => resolve({ code: child.exitCode ?? -1, stdout }),
      );
    });
  }

  it("writes one comment per plan, shows an invalid plan's diagnostics, fails with 3, and the comments are posted", async () => {
    const { code } = await runStep("examples/ci/github/qac-preview.yml", "preview", "Preview", {
      PLANS: "examples/plans/smoke.yaml examples/plans/broken.yaml",
    });
    expect(code).toBe(3);
    const smoke = readFileSync(join(dir, "qac-preview/smoke.md"), "utf8");
    expect(smoke.split("\n").slice(0, 2)).toEqual([
      "<!-- qac-preview: smoke -->",
      "### qac plan `smoke`: 2 to create (1 forced), 0 already satisfied",
    ]);
    const broken = readFileSync(join(dir, "qac-preview/broken.md"), "utf8");
    expect(broken.split("\n")[0]).toBe("<!-- qac-preview: broken -->");
    expect(broken).toContain("examples/plans/broken.yaml:6:22 error PLAN_UNKNOWN_REF");

    const post = createRequire(import.meta.url)(join(root, "examples/ci/github/post-preview-comments.cjs")) as (
      args: unknown,
    ) => Promise<{ action: string }[]>;
    const created: string[] = [];
    const github = {
      rest: {
        issues: {
          listComments: "list",
          createComment: ({ body }: { body: string }) => (
            created.push(body),
            Promise.resolve({ data: { id: created.length } })
          ),
          updateComment: () => Promise.reject(new Error("nothing to update")),
        },
      },
      paginate: () => Promise.resolve([]),
    };
    const results = await post({
      github,
      context: { repo: { owner: "o", repo: "r" }, issue: { number: 1 } },
      core: { info: () => undefined, warning: () => undefined },
      dir: join(dir, "qac-preview"),
    });
    expect(results.map((r) => r.action)).toEqual(["created", "created"]);
    expect(created).toEqual([broken, smoke]);
  });

  it("applies on main once per commit, waits, writes JUnit; a re-run of the job creates nothing", async () => {
    const env = { PLANS: "examples/plans/smoke.yaml", GITHUB_SHA: "0123abc", QAC_STATUS_URL: "" };
    const before = sim.runs.list(1001).length;
    const first = await runStep("examples/ci/github/qac-apply.yml", "apply", "Apply, wait and report", env);
    // The demo tenant fails one test of "Checkout smoke" on purpose: the job fails with 1 and says so.
    expect(first.code).toBe(1);
    expect(first.stdout).toContain(
      "Applied smoke to Web Shop (1001): 2 created, 0 satisfied, 0 create errors, 0 not started",
    );
    expect(first.stdout).toContain("Failed: 1 of 2 runs did not pass");
    const junit = readFileSync(join(dir, "qac-results/smoke.xml"), "utf8");
    expect(junit).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(junit).toContain("<failure");
    const again = await runStep("examples/ci/github/qac-apply.yml", "apply", "Apply, wait and report", env);
    expect(again.stdout).toContain(
      "Applied smoke to Web Shop (1001): 0 created, 2 satisfied, 0 create errors, 0 not started",
    );
    expect(sim.runs.list(1001).length - before).toBe(2);
  });

  it("GitLab: the preview job's script writes the notes and fails with 3; the apply job's script creates once per commit", async () => {
    const ci = parse(readFileSync(join(root, "examples/ci/gitlab/.gitlab-ci.yml"), "utf8")) as Record<
      string,
      { script?: string[] }
    >;
    // GitLab runs a job's script lines in one shell that stops at the first failing line.
    const preview = await runScript(ci["qac-preview"]!.script!.join("\n"), {
      PLANS: "examples/plans/nightly.yaml examples/plans/broken.yaml",
    });
    expect(preview.code).toBe(3);
    expect(readFileSync(join(dir, "qac-preview/nightly.md"), "utf8").split("\n")[0]).toBe(
      "<!-- qac-preview: nightly -->",
    );
    expect(readFileSync(join(dir, "qac-preview/broken.md"), "utf8")).toContain("❌ invalid plan, 1 error");
    const env = { APPLY_PLANS: "examples/plans/smoke.yaml", CI_COMMIT_SHA: "4567def", QAC_STATUS_URL: "" };
    const before = sim.runs.list(1001).length;
    const first = await runScript(ci["qac-apply"]!.script!.join("\n"), env);
    expect(first.stdout).toContain("2 created, 0 satisfied");
    const again = await runScript(ci["qac-apply"]!.script!.join("\n"), env);
    expect(again.stdout).toContain("0 created, 2 satisfied");
    expect(sim.runs.list(1001).length - before).toBe(2);
    expect(readFileSync(join(dir, "qac-results/smoke.xml"), "utf8")).toContain("<testsuites ");
  });
});
