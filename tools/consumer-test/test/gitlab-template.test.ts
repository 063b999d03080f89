import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parse } from "yaml";
import { loadSeedFile, DEFAULT_SEED_PATH, startSimulator, type Simulator } from "@qac/simulator";
import { startFakeForge, type FakeForge } from "../src/fake-forge.js";
import { repoRoot } from "../src/pack.js";
import { cacheDir, machineEnv, runtime } from "../src/runtimes.js";
import { userRepository } from "./ci-fixture.js";

type Job = {
  extends?: string;
  variables?: Record<string, string>;
  before_script?: string[];
  script?: string[];
  after_script?: string[];
};
const template = parse(readFileSync(join(repoRoot, "gitlab/qac.gitlab-ci.yml"), "utf8")) as Record<string, Job> & {
  variables: Record<string, string>;
};
const version = (JSON.parse(readFileSync(join(repoRoot, "packages/cli/package.json"), "utf8")) as { version: string })
  .version;

/**
 * Runs a script as a GitLab runner's shell does (one bash, stopping at the first failing line) in
 * its own process group, which is ended afterwards with anything it left running (`qac sim`).
 */
function shell(script: string, cwd: string, env: Record<string, string>): Promise<{ code: number; log: string }> {
  return new Promise((resolve) => {
    const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], {
      cwd,
      env,
      detached: true,
    });
    let log = "";
    child.stdout.on("data", (s: Buffer) => (log += s.toString()));
    child.stderr.on("data", (s: Buffer) => (log += s.toString()));
    child.on("close", (code) => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // the group is gone already
      }
      resolve({ code: code ?? -1, log });
    });
  });
}

/** GitLab expands `$VAR` in variables from the ones defined before (and the predefined ones). */
const expand = (vars: Record<string, string>, base: Record<string, string>) => {
  const out = { ...base };
  for (const [k, v] of Object.entries(vars)) out[k] = v.replace(/\$\{?(\w+)\}?/g, (m, name: string) => out[name] ?? m);
  return out;
};

describe("the GitLab CI template", () => {
  let forge: FakeForge;
  let sim: Simulator;
  let repo: string;
  let temp: string;
  const node24 = runtime(24);

  beforeAll(async () => {
    forge = await startFakeForge();
    const seed = loadSeedFile(DEFAULT_SEED_PATH);
    seed.simulation = { ...seed.simulation, speed: 200, pickup_delay_seconds: 1 };
    sim = await startSimulator({ seed });
    repo = userRepository();
    temp = mkdtempSync(join(tmpdir(), "qac-gitlab-"));
    writeFileSync(join(temp, "npmrc"), inject("registryNpmrc"));
  });
  afterAll(async () => {
    await forge.close();
    await sim.close();
  });

  /** Runs a job of the template (its `extends`, before_script, script, then after_script) with the job's variables. */
  async function job(name: string, variables: Record<string, string>) {
    const spec = template[name]!;
    const base = spec.extends ? template[spec.extends]! : {};
    const env = expand(
      { ...template.variables, ...base.variables, ...spec.variables, ...variables },
      {
        ...machineEnv(),
        PATH: [dirname(node24.node), process.env["PATH"] ?? ""].join(delimiter),
        HOME: process.env["HOME"] ?? tmpdir(),
        npm_config_cache: join(cacheDir, "npm-cache"),
        NPM_CONFIG_USERCONFIG: join(temp, "npmrc"),
        GITLAB_CI: "true",
        CI_PROJECT_DIR: repo,
        CI_API_V4_URL: `${forge.url}/api/v4`,
        CI_PROJECT_ID: "42",
        CI_COMMIT_SHA: "4567def",
      },
    );
    rmSync(join(repo, "qac-preview"), { recursive: true, force: true });
    const main = await shell(
      [...(spec.before_script ?? base.before_script ?? []), ...(spec.script ?? [])].join("\n"),
      repo,
      env,
    );
    const after = spec.after_script ? await shell(spec.after_script.join("\n"), repo, env) : { code: 0, log: "" };
    return { code: main.code, log: `${main.log}\n--- after_script\n${after.log}`, afterCode: after.code };
  }

  const mergeRequest = {
    CI_PIPELINE_SOURCE: "merge_request_event",
    CI_MERGE_REQUEST_IID: "7",
    GITLAB_API_TOKEN: "glpat-fake",
  };

  it("pins the @qac/cli version released with it", () => {
    expect(template.variables["QAC_VERSION"]).toBe(version);
  });

  it("on a merge request posts one note per plan (simulator without QAC_URL); the next push updates it", async () => {
    const first = await job("qac-preview", { ...mergeRequest, QAC_PLANS: "qac/smoke.yaml" });
    expect(first.code, first.log).toBe(0);
    expect(first.log).toContain("No QAC_URL: using the QAComplete simulator's demo tenant.");
    expect(forge.calls.map((c) => c.action)).toEqual(["create"]);
    expect(forge.comments[0]!.body.split("\n").slice(0, 2)).toEqual([
      "<!-- qac-preview: smoke -->",
      "### qac plan `smoke`: 2 to create (1 forced), 0 already satisfied",
    ]);
    expect(forge.tokens).toContain("glpat-fake");
    const again = await job("qac-preview", { ...mergeRequest, QAC_PLANS: "qac/smoke.yaml" });
    expect(again.code, again.log).toBe(0);
    expect(forge.calls.map((c) => c.action)).toEqual(["create", "update"]);
  });

  it("notes an invalid plan's diagnostics and fails the job with 3", async () => {
    const result = await job("qac-preview", { ...mergeRequest, QAC_PLANS: "qac/*.yaml" });
    expect(result.code, result.log).toBe(3);
    expect(result.afterCode).toBe(0);
    const broken = forge.comments.find((c) => c.body.startsWith("<!-- qac-preview: broken -->"));
    expect(broken?.body).toContain("qac/broken.yaml:6:22 error PLAN_UNKNOWN_REF");
    expect(forge.comments).toHaveLength(2);
  });

  it("applies on the default branch once per commit: a retried job creates nothing; JUnit is written", async () => {
    const connection = {
      QAC_URL: sim.url,
      QAC_USER: "demo@qac.example",
      QAC_PASSWORD: "demo",
      QAC_PLANS: "qac/smoke.yaml",
    };
    const before = sim.runs.list(1001).length;
    const first = await job("qac-apply", connection);
    expect(first.log).toContain("2 created, 0 satisfied");
    expect(first.code).toBe(1); // the demo tenant fails one test on purpose
    expect(readFileSync(join(repo, "qac-results/smoke.xml"), "utf8")).toContain("<testsuites ");
    const again = await job("qac-apply", connection);
    expect(again.log).toContain("0 created, 2 satisfied");
    expect(sim.runs.list(1001).length - before).toBe(2);
  });
});
