import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parse } from "yaml";
import { loadSeedFile, DEFAULT_SEED_PATH, startSimulator, type Simulator } from "@qac/simulator";
import { run } from "../src/consumer-project.js";
import { startFakeForge, type FakeForge } from "../src/fake-forge.js";
import { repoRoot } from "../src/pack.js";
import { cacheDir, machineEnv, runtime } from "../src/runtimes.js";
import { userRepository } from "./ci-fixture.js";

const action = parse(readFileSync(join(repoRoot, "action.yml"), "utf8")) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
};

/**
 * The Action as GitHub runs it (`runs.using: node24`, `node <main>` with INPUT_* variables, the
 * GITHUB_* files), against a fake GitHub API; it installs @qac/cli from the packed tarballs through
 * the local registry, as it would from npm.
 */
describe("the GitHub Action", () => {
  let forge: FakeForge;
  let sim: Simulator;
  let repo: string;
  let temp: string;
  let userconfig: string;
  const node24 = runtime(24);

  beforeAll(async () => {
    forge = await startFakeForge();
    const seed = loadSeedFile(DEFAULT_SEED_PATH);
    seed.simulation = { ...seed.simulation, speed: 200, pickup_delay_seconds: 1 };
    sim = await startSimulator({ seed });
    repo = userRepository();
    temp = mkdtempSync(join(tmpdir(), "qac-runner-temp-"));
    userconfig = join(temp, "npmrc");
    writeFileSync(userconfig, inject("registryNpmrc"));
  });
  afterAll(async () => {
    await forge.close();
    await sim.close();
  });

  /** One step using the Action on a pull request (event) or a push; returns its outputs. */
  async function step(inputs: Record<string, string>, event: "pull_request" | "push" = "pull_request") {
    const out = join(temp, "output");
    rmSync(out, { force: true });
    const eventFile = join(temp, "event.json");
    writeFileSync(eventFile, JSON.stringify(event === "pull_request" ? { pull_request: { number: 7 } } : {}));
    const defaults = Object.fromEntries(
      Object.entries(action.inputs).flatMap(([name, i]) =>
        i.default && !i.default.includes("${{") ? [[name, i.default]] : [],
      ),
    );
    const env: Record<string, string> = {
      ...machineEnv(),
      PATH: [dirname(node24.node), process.env["PATH"] ?? ""].join(delimiter),
      HOME: process.env["HOME"] ?? tmpdir(),
      npm_config_cache: join(cacheDir, "npm-cache"),
      NPM_CONFIG_USERCONFIG: userconfig,
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: repo,
      GITHUB_REPOSITORY: "acme/web-shop-tests",
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_API_URL: forge.url,
      GITHUB_SHA: "3f9c2e1",
      GITHUB_OUTPUT: out,
      GITHUB_STEP_SUMMARY: join(temp, "summary.md"),
      RUNNER_TEMP: temp,
      ...Object.fromEntries(
        Object.entries({ ...defaults, "once-per": "3f9c2e1", "github-token": "ghs_fake", ...inputs }).map(([k, v]) => [
          `INPUT_${k.toUpperCase()}`,
          v,
        ]),
      ),
    };
    const result = await run(node24.node, [join(repoRoot, action.runs.main)], repo, env);
    const outputs = Object.fromEntries(
      readFileSync(out, "utf8")
        .trim()
        .split("\n")
        .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
    );
    return { ...result, outputs, log: `${result.stdout}\n${result.stderr}` };
  }

  it("is a Node 24 JavaScript action whose inputs and outputs cover the commands", () => {
    expect(action.runs).toEqual({ using: "node24", main: "action/main.mjs" });
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining([
        "command",
        "plans",
        "once-per",
        "wait",
        "timeout",
        "junit",
        "comment",
        "url",
        "user",
        "password",
        "qac-version",
      ]),
    );
    expect(action.inputs["once-per"]!.default).toBe("${{ github.sha }}");
    expect(Object.keys(action.outputs)).toEqual([
      "exit-code",
      "to-create",
      "satisfied",
      "created",
      "create-errors",
      "not-started",
      "report",
    ]);
  });

  it("on a pull request posts one comment per plan (simulator without a url); the next push updates it", async () => {
    const first = await step({ command: "plan", plans: "qac/smoke.yaml" });
    expect(first.outputs, first.log).toMatchObject({ "exit-code": "0", "to-create": "2", satisfied: "0" });
    expect(first.log).toContain("No QAComplete url given: running against the QAComplete simulator's demo tenant.");
    expect(forge.calls.map((c) => c.action)).toEqual(["create"]);
    expect(forge.comments[0]!.body.split("\n")[0]).toBe("<!-- qac-preview: smoke -->");
    expect(forge.tokens).toContain("Bearer ghs_fake");
    const again = await step({ command: "plan", plans: "qac/smoke.yaml" });
    expect(again.outputs["exit-code"], again.log).toBe("0");
    expect(forge.calls.map((c) => c.action)).toEqual(["create", "update"]);
    expect(forge.comments).toHaveLength(1);
    expect(readFileSync(join(again.outputs["report"]!, "smoke.json"), "utf8")).toContain('"kind": "qac-preview"');
  });

  it("comments an invalid plan's diagnostics and fails with 3", async () => {
    const result = await step({ command: "plan", plans: "qac/*.yaml" });
    expect(result.code, result.log).toBe(3);
    expect(result.outputs["exit-code"]).toBe("3");
    const broken = forge.comments.find((c) => c.body.startsWith("<!-- qac-preview: broken -->"));
    expect(broken?.body).toContain("qac/broken.yaml:6:22 error PLAN_UNKNOWN_REF");
    expect(forge.comments).toHaveLength(2);
  });

  it("applies twice on a push with the same once-per id, creating nothing the second time; waits, JUnit", async () => {
    const connection = { url: sim.url, user: "demo@qac.example", password: "demo" };
    const before = sim.runs.list(1001).length;
    const inputs = {
      command: "apply",
      plans: "qac/smoke.yaml",
      "once-per": "abc123",
      wait: "true",
      junit: "qac-results",
      ...connection,
    };
    const first = await step(inputs, "push");
    // The demo tenant fails one test of "Checkout smoke" on purpose.
    expect(first.outputs, first.log).toMatchObject({
      "exit-code": "1",
      created: "2",
      satisfied: "0",
      "create-errors": "0",
    });
    expect(readFileSync(join(repo, "qac-results/smoke.xml"), "utf8")).toContain("<testsuites ");
    const again = await step(inputs, "push");
    expect(again.outputs, again.log).toMatchObject({ created: "0", satisfied: "2" });
    expect(sim.runs.list(1001).length - before).toBe(2);
    expect(forge.comments).toHaveLength(2); // applies post no comment
  });

  it("validates offline and fails with 3 for an invalid plan", async () => {
    expect((await step({ command: "validate", plans: "qac/smoke.yaml" })).outputs["exit-code"]).toBe("0");
    expect((await step({ command: "validate", plans: "qac/smoke.yaml qac/broken.yaml" })).outputs["exit-code"]).toBe(
      "3",
    );
  });
});
