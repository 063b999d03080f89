import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { CliIo } from "../cli-io.js";
import { EXIT } from "../exit-codes.js";
import { runCli } from "../run-cli.js";
import { GITHUB_ACTION, GITLAB_TEMPLATE_URL } from "./init-ci.js";
import { cliFixture } from "./test-support/cli-fixture.js";

type Fixture = Awaited<ReturnType<typeof cliFixture>>;

/** Runs qac in `cwd` without any connection settings. */
async function offline(cwd: string, args: string[]) {
  const out: string[] = [];
  const io: CliIo = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => out.push(s) },
    env: {},
    cwd,
  };
  const code = await runCli(args, io);
  return { code, output: out.join("") };
}

describe("qac init", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await cliFixture();
  });
  afterAll(async () => {
    await fx.sim.close();
  });

  it("without credentials writes a commented template plan that qac validate accepts", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qac-init-"));
    const first = await offline(dir, ["init", "--project", "Web Shop"]);
    expect(first.code).toBe(EXIT.OK);
    expect(first.output).toContain(
      "created     qac/web-shop.yaml  (starter plan for Web Shop: a template, fill in your names)",
    );
    const plan = await readFile(join(dir, "qac/web-shop.yaml"), "utf8");
    expect(plan).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=../node_modules/@qac/schemas/plan.schema.json
      #
      # qac plan for the QAComplete project "Web Shop", written by \`qac init\`.
      # Replace the names below with yours, exactly as QAComplete shows them.
      #   npx qac validate qac/web-shop.yaml   checks it offline
      #   npx qac plan qac/web-shop.yaml       previews the runs (QAC_URL, QAC_USER, QAC_PASSWORD)
      # Every field: https://github.com/qac-dev/qac/blob/main/docs/plan-format.md
      version: 1
      project: Web Shop

      # Test configurations, by a short name of your choosing.
      configurations:
        chrome-windows-11: Chrome / Windows 11 # a test configuration's title

      # Releases: \`release / iteration / build\`, from the top.
      releases:
        current: "2026.12 / RC1 / Build 42" # a release, iteration or build

      # Test hosts: machines running a QAComplete test agent.
      hosts:
        agent: build-agent-01 # a test host's name

      defaults:
        configurations: [chrome-windows-11]
        releases: [current]
        host: agent

      entries:
        - key: smoke-tests
          test: Smoke tests # a test's title (or \`testSet:\` for a test set)
      "
    `);
    expect((await offline(dir, ["validate", "qac/web-shop.yaml"])).code).toBe(EXIT.OK);
  });

  it("with credentials fills the plan with the project's own names, and it previews", async () => {
    const c = fx.io({ cwd: await mkdtemp(join(tmpdir(), "qac-init-")) });
    expect(await runCli(["init", "--project", "1001", "--host", "build-agent-01"], c.io)).toBe(EXIT.OK);
    expect(c.out()).toContain(
      "created     qac/web-shop.yaml  (starter plan for Web Shop (1001), names read from QAComplete)",
    );
    const plan = parse(await readFile(join(c.io.cwd, "qac/web-shop.yaml"), "utf8")) as Record<string, unknown>;
    expect(plan).toMatchObject({
      project: "Web Shop",
      hosts: { agent: "build-agent-01" },
      entries: [{ key: "checkout-smoke", testSet: "Checkout smoke" }],
    });
    const preview = fx.io({ cwd: c.io.cwd });
    expect(await runCli(["plan", "qac/web-shop.yaml"], preview.io), preview.err()).toBe(EXIT.OK);
    expect(preview.out()).toContain("1 to create");
  });

  it("says which project names the user can see when --project matches none", async () => {
    const c = fx.io({ cwd: await mkdtemp(join(tmpdir(), "qac-init-")) });
    expect(await runCli(["init", "--project", "Web Shopp"], c.io)).toBe(EXIT.ERROR);
    expect(c.err()).toMatch(/^qac: no project "Web Shopp" that demo@qac\.example can see; projects: Web Shop \(1001\)/);
  });

  it("changes nothing when run twice, and never replaces a file without --force", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qac-init-"));
    const args = ["init", "--project", "Web Shop", "--ci", "github"];
    await offline(dir, args);
    const again = await offline(dir, args);
    expect(again.output).toMatch(/^unchanged {3}qac\/web-shop\.yaml .*\nunchanged {3}\.github\/workflows\/qac\.yml /);
    await writeFile(join(dir, "qac/web-shop.yaml"), "version: 1 # mine\n");
    expect((await offline(dir, args)).output).toContain(
      "kept        qac/web-shop.yaml  (exists and differs; --force replaces it)",
    );
    expect(await readFile(join(dir, "qac/web-shop.yaml"), "utf8")).toBe("version: 1 # mine\n");
    expect((await offline(dir, [...args, "--force"])).output).toContain("overwritten qac/web-shop.yaml");
  });

  it("points the editor modeline at the installed schema, relative to the plan", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qac-init-"));
    await offline(dir, ["init", "--project", "Web Shop", "--plan", "tests/qac/smoke.yaml"]);
    const first = (await readFile(join(dir, "tests/qac/smoke.yaml"), "utf8")).split("\n")[0];
    expect(first).toBe("# yaml-language-server: $schema=../../node_modules/@qac/schemas/plan.schema.json");
  });

  it("--ci github writes a workflow with the Action at the CLI's version; --ci gitlab, the template", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qac-init-"));
    const version = (
      JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
    ).version;
    await offline(dir, ["init", "--project", "Web Shop", "--ci", "github"]);
    const workflow = parse(await readFile(join(dir, ".github/workflows/qac.yml"), "utf8")) as {
      jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>;
    };
    const qacSteps = Object.values(workflow.jobs).flatMap((j) => j.steps.filter((s) => s.uses === GITHUB_ACTION));
    expect(qacSteps.map((s) => s.with?.["command"])).toEqual(["plan", "apply"]);
    for (const step of qacSteps)
      expect(step.with).toMatchObject({ plans: "qac/web-shop.yaml", "qac-version": version });
    await offline(dir, ["init", "--project", "Web Shop", "--ci", "gitlab"]);
    const gitlab = parse(await readFile(join(dir, ".gitlab-ci.yml"), "utf8")) as Record<string, unknown>;
    expect(gitlab).toEqual({
      include: [{ remote: GITLAB_TEMPLATE_URL }],
      variables: { QAC_PLANS: "qac/web-shop.yaml", QAC_VERSION: version },
    });
  });

  it("needs --project", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qac-init-"));
    const result = await offline(dir, ["init"]);
    expect(result.code).toBe(EXIT.ERROR);
    expect(result.output).toMatch(/^qac: qac init needs --project <id or name>/);
  });
});
