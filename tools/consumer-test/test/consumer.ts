import { cpSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createConsumerProject, installedPackages, type ConsumerProject } from "../src/consumer-project.js";
import { repoRoot } from "../src/pack.js";
import { readmeBlock } from "../src/readme.js";
import { runtime } from "../src/runtimes.js";

const version = (JSON.parse(readFileSync(join(repoRoot, "packages/cli/package.json"), "utf8")) as { version: string })
  .version;
const at = (name: string) => `${name}@${version}`;

/** `what` failed: its exit code and output, for the assertion message. */
const shown = (r: { code: number; stdout: string; stderr: string }) => `exit ${r.code}\n${r.stdout}\n${r.stderr}`;

/**
 * A user's first hour with qac on one Node version, in a fresh project outside the monorepo:
 * `npm install @qac/cli` from the packed tarballs (nothing compiled), the simulator added, a plan
 * validated, previewed, applied and waited for, applied again, the README's TypeScript program
 * compiled and run, `require()` from CommonJS, and `qac init` followed by `qac validate`.
 */
export function describeConsumer(major: 20 | 22 | 24): void {
  describe(`a user's project on Node ${major}`, () => {
    let project: ConsumerProject;
    let sim: { url: string; stop: () => void } | undefined;
    const connection = () => ({ QAC_URL: sim!.url, QAC_USER: "demo@qac.example", QAC_PASSWORD: "demo" });

    beforeAll(() => {
      project = createConsumerProject(runtime(major), inject("registryNpmrc"));
    });
    afterAll(() => sim?.stop());

    it("installs @qac/cli with npm without compiling anything, and `npx qac --version` answers", async () => {
      const install = await project.npm(["install", "--save-dev", at("@qac/cli")]);
      expect(install.code, shown(install)).toBe(0);
      const footprint = installedPackages(project.dir);
      console.log(
        `Node ${major}: npm install @qac/cli: ${footprint.count} packages in ${(install.ms / 1000).toFixed(1)} s`,
      );
      expect(footprint.native).toEqual([]);
      expect(footprint.scripts).toEqual([]);
      for (const heavy of ["better-sqlite3", "fastify", "@qac/simulator", "@qac/status-server"])
        expect(existsSync(join(project.dir, "node_modules", heavy)), heavy).toBe(false);
      const v = await project.npx(["qac", "--version"]);
      expect(v.stdout.trim(), shown(v)).toBe(version);
    });

    it("says in one line which package qac sim and qac serve need when it is not installed", async () => {
      const sim = await project.qac(["sim", "--port", "0"]);
      expect(sim.code).toBe(1);
      expect(sim.stderr.split("\n")[0]).toBe(
        `qac: qac sim needs @qac/simulator, which is not installed; add it with: npm install --save-dev ` +
          `${at("@qac/simulator")}`,
      );
      const serve = await project.qac(["serve"], { QAC_STATUS_TOKEN: "0123456789abcdef0123" });
      expect(serve.stderr.split("\n")[0]).toContain(`qac serve needs @qac/status-server, which is not installed`);
    });

    it("starts the simulator's demo tenant from the install (no --seed), on a free port", async () => {
      const add = await project.npm(["install", "--save-dev", at("@qac/simulator")]);
      expect(add.code, shown(add)).toBe(0);
      const { match, child } = await project.start(
        ["sim", "--port", "0", "--speed", "1000"],
        /listening on (http:\/\/\S+)/,
      );
      sim = { url: match[1]!, stop: () => void child.kill("SIGTERM") };
      const res = await fetch(`${sim.url}/rest-api/service/api/v1/projects`, {
        headers: { authorization: `Basic ${Buffer.from("demo@qac.example:demo").toString("base64")}` },
      });
      expect(res.status).toBe(200);
    });

    it("startSimulator() from the install serves the demo tenant without a seed", async () => {
      const program =
        `import { startSimulator } from "@qac/simulator";\nconst sim = await ` +
        `startSimulator();\nconsole.log(sim.runs.list(1001).length >= 0, sim.url);\nawait sim.close();\n`;
      project.write("start-simulator.mjs", program);
      const r = await project.node(["start-simulator.mjs"]);
      expect(r.stdout, shown(r)).toMatch(/^true http:\/\/127\.0\.0\.1:\d+\n$/);
    });

    it("validates, previews, applies once per id with --wait and JUnit, applies again creating nothing", async () => {
      cpSync(join(repoRoot, "examples/plans"), join(project.dir, "examples/plans"), { recursive: true });
      const plan = "examples/plans/smoke.yaml";
      const valid = await project.qac(["validate", plan]);
      expect(valid.code, shown(valid)).toBe(0);
      const preview = await project.qac(["plan", plan], connection());
      expect(preview.stdout, shown(preview)).toContain("2 to create (1 forced), 0 already satisfied");
      const args = ["apply", plan, "--once-per", "x", "--wait", "--timeout", "5m", "--junit", "results.xml"];
      const first = await project.qac(args, connection());
      // The demo tenant fails one test of "Checkout smoke" on purpose.
      expect(first.stdout, shown(first)).toContain("2 created, 0 satisfied, 0 create errors, 0 not started");
      expect(first.code).toBe(1);
      expect(project.read("results.xml")).toMatch(/^<\?xml [^>]+>\n<testsuites /);
      const again = await project.qac(["apply", plan, "--once-per", "x"], connection());
      expect(again.stdout, shown(again)).toContain("0 created, 2 satisfied");
    });

    it("compiles the README's 'From TypeScript' program (tsc, NodeNext, skipLibCheck false) and runs it", async () => {
      const tools = await project.npm(["install", "--save-dev", "typescript@5.9.3", "@types/node@20.19.43"]);
      expect(tools.code, shown(tools)).toBe(0);
      project.write("preview.mts", readmeBlock("From TypeScript", "ts"));
      const tsconfig = {
        compilerOptions: {
          module: "NodeNext",
          moduleResolution: "NodeNext",
          target: "ES2022",
          strict: true,
          skipLibCheck: false,
          outDir: "out",
          types: ["node"],
        },
        files: ["preview.mts"],
      };
      project.write("tsconfig.json", JSON.stringify(tsconfig));
      const tsc = await project.npx(["tsc", "-p", "tsconfig.json"]);
      expect(tsc.code, shown(tsc)).toBe(0);
      const ran = await project.node(["out/preview.mjs"], connection());
      expect(ran.stdout, shown(ran)).toMatch(/smoke[\s\S]*2 to create[\s\S]*Web Shop\*\* \(1001\)/);
    });

    it("require()s every installed package from CommonJS", async () => {
      project.write(
        "require.cjs",
        `for (const name of ["@qac/core", "@qac/planner", "@qac/runner", "@qac/schemas", "@qac/cli",\n` +
          `    "@qac/simulator", "@qac/simulator/command"])\n` +
          `  console.log(name, Object.keys(require(name)).length > 0);\n` +
          `console.log(typeof require("@qac/core").createClient);\n`,
      );
      const r = await project.node(["require.cjs"]);
      expect(r.code, shown(r)).toBe(0);
      expect(r.stdout).not.toContain("false");
      expect(r.stdout.trim().split("\n").at(-1)).toBe("function");
    });

    it("qac init scaffolds a plan (names from the simulator) and a workflow that qac validate accepts", async () => {
      const init = await project.qac(["init", "--project", "Web Shop", "--ci", "github"], connection());
      expect(init.stdout, shown(init)).toContain("created     qac/web-shop.yaml");
      expect(project.read("qac/web-shop.yaml").split("\n")[0]).toBe(
        "# yaml-language-server: $schema=../node_modules/@qac/schemas/plan.schema.json",
      );
      expect(existsSync(join(project.dir, "node_modules/@qac/schemas/plan.schema.json"))).toBe(true);
      const valid = await project.qac(["validate", "qac/web-shop.yaml"]);
      expect(valid.code, shown(valid)).toBe(0);
      const again = await project.qac(["init", "--project", "Web Shop", "--ci", "github"], connection());
      expect(again.stdout).toMatch(/^unchanged {3}qac\/web-shop\.yaml .*\nunchanged {3}\.github\/workflows\/qac\.yml /);
    });
  });
}
