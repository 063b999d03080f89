import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createConsumerProject, type ConsumerProject } from "../src/consumer-project.js";
import { LspClient } from "../src/lsp-client.js";
import { repoRoot } from "../src/pack.js";
import { runtime } from "../src/runtimes.js";

const version = (JSON.parse(readFileSync(join(repoRoot, "schemas/package.json"), "utf8")) as { version: string })
  .version;
const MODELINE = "# yaml-language-server: $schema=../node_modules/@qac/schemas/plan.schema.json";
const server = join(import.meta.dirname, "../node_modules/yaml-language-server/bin/yaml-language-server");

/** An example plan as it would sit in a user's `qac/` folder, its first line pointing at the installed schema. */
const asUserPlan = (file: string) =>
  readFileSync(join(repoRoot, "examples/plans", file), "utf8").replace(/^# yaml-language-server: .*$/m, MODELINE);

/**
 * VS Code's YAML support is Red Hat's yaml-language-server: driven here over stdio (on Node 24, which
 * yaml-language-server 2 needs) against plans in a consumer project that installed @qac/schemas.
 */
describe("plans in an editor (yaml-language-server)", () => {
  let project: ConsumerProject;
  let lsp: LspClient;
  const uri = (path: string) => pathToFileURL(join(project.dir, path)).href;
  const open = (path: string) => {
    const text = project.read(path);
    lsp.notify("textDocument/didOpen", { textDocument: { uri: uri(path), languageId: "yaml", version: 1, text } });
  };

  beforeAll(async () => {
    project = createConsumerProject(runtime(20), inject("registryNpmrc"), "editor");
    const install = await project.npm(["install", "--save-dev", `@qac/schemas@${version}`]);
    expect(install.code, install.stderr).toBe(0);
    project.write("qac/smoke.yaml", asUserPlan("smoke.yaml"));
    project.write(
      "qac/typo.yaml",
      `${MODELINE}\nversion: 1\nproject: Web Shop\nentries:\n  - key: smoke\n    testSett: Checkout smoke\n`,
    );
    project.write("qac/new.yaml", `${MODELINE}\nversion: 1\nproject: Web Shop\nentries:\n  - key: smoke\n    \n`);
    const yaml = {
      validate: true,
      completion: true,
      hover: true,
      schemaStore: { enable: false },
      format: { enable: false },
    };
    lsp = new LspClient(runtime(24).node, [server, "--stdio"], (section) =>
      section === "yaml" ? yaml : section === "http" ? { proxy: "", proxyStrictSSL: false } : null,
    );
    await lsp.request("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(project.dir).href,
      capabilities: { workspace: { configuration: true }, textDocument: { completion: { completionItem: {} } } },
    });
    lsp.notify("initialized", {});
    lsp.notify("workspace/didChangeConfiguration", { settings: { yaml } });
  });
  afterAll(() => lsp?.close());

  it("flags a typo at its line", async () => {
    open("qac/typo.yaml");
    const diagnostics = await lsp.diagnosticsFor(uri("qac/typo.yaml"), (d) => d.length > 0);
    expect(diagnostics.map((d) => [d.range.start.line + 1, d.message])).toEqual([
      [6, "Property testSett is not allowed."],
    ]);
  });

  it("shows no diagnostics for examples/plans/smoke.yaml (releases: ${QAC_RELEASE:-build42})", async () => {
    open("qac/smoke.yaml");
    expect(await lsp.diagnosticsFor(uri("qac/smoke.yaml"), () => true)).toEqual([]);
  });

  it("offers the entry keys as completions inside an entry", async () => {
    open("qac/new.yaml");
    const result = await lsp.request<{ items: { label: string }[] } | { label: string }[]>("textDocument/completion", {
      textDocument: { uri: uri("qac/new.yaml") },
      position: { line: 5, character: 4 },
    });
    const labels = (Array.isArray(result) ? result : result.items).map((i) => i.label);
    expect(labels).toEqual(
      expect.arrayContaining(["test", "testSet", "configurations", "releases", "host", "forceNewRun", "labels"]),
    );
    expect(labels).not.toContain("key");
  });
});
