import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../format-diagnostic.js";
import { loadPlan } from "./load-plan.js";

const head = `version: 1
project: Web Shop
configurations:
  chrome: "Chrome / Windows 11"
  firefox: "Firefox / Ubuntu 24.04"
hosts:
  win: build-agent-01
`;

async function diagnosticsOf(text: string, env: Record<string, string> = {}) {
  const result = await loadPlan({ text, file: "plan.yaml" }, { env });
  return result.diagnostics.map((d) => formatDiagnostic(d)).join("\n");
}

describe("loadPlan", () => {
  it("reports five different mistakes at once, each at its line:col with a caret", async () => {
    const text = `${head}entries:
  - test: Log in with e-mail and password
    configurations: [chrome, chrom]
    host: win
    sequentail: true
  - testSet: Checkout smoke
    test: 3101
    host: win
  - testSet: Search regression
    forceNewRun: "yes"
    host: win
    host: win
`;
    expect(await diagnosticsOf(text)).toMatchInlineSnapshot(`
      "plan.yaml:10:30 error PLAN_UNKNOWN_REF configuration "chrom" is not defined under \`configurations:\`; did you mean "chrome"?
        10 |     configurations: [chrome, chrom]
           |                              ^^^^^
      plan.yaml:12:5 error PLAN_UNKNOWN_KEY unknown key "sequentail" in entries[0]; did you mean "sequential"? (allowed: key, test, testSet, configurations, releases, host, sequential, forceNewRun, labels, sequenceGroup, manual)
        12 |     sequentail: true
           |     ^^^^^^^^^^
      plan.yaml:13:5 error PLAN_CONFLICT an entry runs either a \`test\` or a \`testSet\`, not both; split it into two entries
        13 |   - testSet: Checkout smoke
           |     ^^^^^^^
      plan.yaml:17:18 error PLAN_SCHEMA entries[2].forceNewRun must be true or false, found "yes"
        17 |     forceNewRun: "yes"
           |                  ^^^^^
      plan.yaml:19:5 error PLAN_DUPLICATE_KEY key "host" appears twice in this mapping; remove or rename one of them (YAML DUPLICATE_KEY)
        19 |     host: win
           |     ^^^^"
    `);
  });

  it("returns the plan with defaults applied and the matrix expanded", async () => {
    const result = await loadPlan(
      {
        text:
          `${head}defaults:\n  configurations: [chrome, firefox]\n  host: win\n  labels: [nightly]\nentries:\n  ` +
          `- testSet: Search regression\n    labels: [search]\n`,
      },
      { env: {} },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.entries[0]).toMatchObject({
      key: "search-regression",
      kind: "testSet",
      host: "win",
      labels: ["nightly", "search"],
      forceNewRun: false,
      sequential: null,
    });
    expect(result.plan.runs.map((r) => r.key)).toEqual(["search-regression/chrome/-", "search-regression/firefox/-"]);
    expect(result.plan.runs[0]!.origin).toMatchObject({ file: "<text>", line: 13, column: 5 });
  });

  it("interpolates ${VAR} and ${VAR:-default}, typing a plain boolean, and names a missing variable", async () => {
    const text =
      `${head}entries:\n  - test: \${TEST_NAME}\n    host: win\n    forceNewRun: \${FORCE:-true}\n    ` +
      `labels: ["\${LABEL}"]\n`;
    const ok = await loadPlan({ text }, { env: { TEST_NAME: "Change quantity in cart", LABEL: "cart" } });
    expect(ok.ok && ok.plan.entries[0]).toMatchObject({
      ref: "Change quantity in cart",
      forceNewRun: true,
      labels: ["cart"],
    });
    expect(await diagnosticsOf(text, { TEST_NAME: "x" })).toMatchInlineSnapshot(`
      "plan.yaml:12:14 error PLAN_ENV environment variable LABEL is not set; set it, or give a default with \`\${LABEL:-value}\`
        12 |     labels: ["\${LABEL}"]
           |              ^^^^^^^^^^"
    `);
  });

  it("re-reads a plain ${...} as a list or mapping, default or variable (docs: Environment variables)", async () => {
    const text =
      `${head}entries:\n  - test: 3121\n    host: win\n    configurations: \${BROWSERS:-[chrome, ` + `firefox]}\n`;
    const byDefault = await loadPlan({ text }, { env: {} });
    expect(byDefault.ok && byDefault.plan.entries[0]!.configurations).toEqual(["chrome", "firefox"]);
    const byVariable = await loadPlan({ text }, { env: { BROWSERS: "[firefox]" } });
    expect(byVariable.ok && byVariable.plan.entries[0]!.configurations).toEqual(["firefox"]);
    const hosts = `version: 1\nproject: Web Shop\nhosts: \${HOSTS}\nentries:\n  - { test: 3121, host: win }\n`;
    const mapping = await loadPlan({ text: hosts }, { env: { HOSTS: "{ win: build-agent-01 }" } });
    expect(mapping.ok && mapping.plan.hosts["win"]).toMatchObject({ ref: "build-agent-01" });
  });

  it("checks a re-read value and points at the ${...}, and never expands a variable's value again", async () => {
    const text = `${head}entries:\n  - test: 3121\n    host: win\n    configurations: \${BROWSERS}\n`;
    expect(await diagnosticsOf(text, { BROWSERS: "[chrome, 42]" })).toContain("plan.yaml:11:21 error PLAN_SCHEMA");
    // Expanded again, '${OTHER}' would become firefox and the plan valid: it stays text and is refused.
    const nested = await loadPlan({ text }, { env: { BROWSERS: "[chrome, '${OTHER}']", OTHER: "firefox" } });
    expect(nested.diagnostics.map((d) => d.code)).toEqual(["PLAN_SCHEMA"]);
    // Quoted values are text, as before.
    const quoted = `${head}entries:\n  - test: "\${TEST:-[a, b]}"\n    host: win\n`;
    const named = await loadPlan({ text: quoted }, { env: {} });
    expect(named.ok && named.plan.entries[0]!.ref).toBe("[a, b]");
  });

  it("reports an automated entry that routing leaves without a host, and conflicting host options", async () => {
    const text =
      `${head}defaults:\n  host: win\nrouting:\n  rules:\n    - when: { configuration: firefox }\n      ` +
      `host: win\nentries:\n  - test: 3121\n    manual: true\n    host: win\n`;
    const codes = (await loadPlan({ text }, { env: {} })).diagnostics.map((d) => `${d.code}@${d.line}`);
    expect(codes).toEqual(["PLAN_CONFLICT@9", "PLAN_CONFLICT@17"]);
    const hostless = await loadPlan(
      { text: `${head}entries:\n  - test: 3121\n    configurations: [firefox]\n` },
      { env: {} },
    );
    expect(hostless.diagnostics.map((d) => d.code)).toEqual(["PLAN_NO_HOST"]);
  });

  it("reports an undefined host once, without a follow-on missing-host error", async () => {
    const result = await loadPlan(
      {
        text:
          "version: 1\r\nproject: Web Shop\r\nhosts: { win: build-agent-01 }\r\nentries:\r\n  - test: 1\r\n    " +
          "host: wn\r\n",
      },
      { env: {} },
    );
    expect(result.diagnostics.map((d) => `${d.code} ${d.line}:${d.column} ${d.sourceLine}`)).toEqual([
      "PLAN_UNKNOWN_REF 6:11     host: wn",
    ]);
  });

  it("derives entry keys and reports two entries with the same key", async () => {
    const text =
      `${head}defaults: { host: win }\nentries:\n  - testSet: Search regression\n  - testSet: Search ` +
      `regression\n    configurations: [chrome]\n  - { key: a, test: 1 }\n  - { key: a, test: 2 }\n`;
    const result = await loadPlan({ text, file: "p.yaml" }, { env: {} });
    expect(result.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual([
      "PLAN_DUPLICATE_KEY 11:5",
      "PLAN_DUPLICATE_KEY 14:12",
    ]);
    expect(result.diagnostics[0]!.message).toContain("add a distinct `key:`");
  });

  it("reads entries in plan order: the root, its includes as listed, then theirs; a cycle adds nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qac-order-"));
    const file = (name: string, include: string[], test: number) =>
      writeFile(
        join(dir, name),
        `version: 1\ninclude: [${include.join(", ")}]\nhosts: { win: build-agent-01 }\nentries:\n  - { test: ` +
          `${test}, host: win, sequenceGroup: g }\n`,
      );
    await file("a.yaml", ["c.yaml", "main.yaml"], 2); // includes the root again: a cycle
    await file("b.yaml", [], 3);
    await file("c.yaml", ["a.yaml"], 4);
    await writeFile(
      join(dir, "main.yaml"),
      "version: 1\nproject: 1001\ninclude: [a.yaml, b.yaml]\nentries:\n  - { test: 1, host: win, sequenceGroup: g }\n",
    );
    const result = await loadPlan(join(dir, "main.yaml"), { env: {} });
    expect(result.diagnostics).toEqual([]);
    expect(result.ok && result.plan.entries.map((e) => e.ref)).toEqual([1, 2, 3, 4]);
    expect(result.ok && result.plan.files.map((f) => f.split("/").pop())).toEqual([
      "main.yaml",
      "a.yaml",
      "b.yaml",
      "c.yaml",
    ]);
  });

  it("combines included files and folders, each file once, and reports a missing include", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qac-plan-"));
    await mkdir(join(dir, "more"));
    await writeFile(
      join(dir, "defs.yaml"),
      `version: 1\nconfigurations:\n  chrome: Chrome\nhosts:\n  win: build-agent-01\n`,
    );
    await writeFile(
      join(dir, "more", "a.yaml"),
      `version: 1\ninclude: [../defs.yaml]\nentries:\n  - { test: 1, configurations: chrome, host: win }\n`,
    );
    await writeFile(join(dir, "more", "b.yml"), `version: 1\nentries:\n  - { test: 2, host: win }\n`);
    await writeFile(join(dir, "main.yaml"), `version: 1\nproject: 1001\ninclude: [defs.yaml, more/]\n`);
    const result = await loadPlan("main.yaml", { cwd: dir, env: {} });
    expect(result.diagnostics).toEqual([]);
    expect(result.ok && result.plan.files).toEqual([
      "main.yaml",
      "defs.yaml",
      join("more", "a.yaml"),
      join("more", "b.yml"),
    ]);
    expect(result.ok && result.plan.runs.map((r) => r.key)).toEqual(["test-1/chrome/-", "test-2/-/-"]);

    await writeFile(join(dir, "broken.yaml"), `version: 1\nproject: 1001\ninclude: [nope.yaml]\n`);
    const broken = await loadPlan(join(dir, "broken.yaml"), { env: {} });
    expect(broken.diagnostics.filter((d) => d.severity === "error").map((d) => [d.code, d.line, d.column])).toEqual([
      ["PLAN_INCLUDE", 3, 11],
    ]);
  });

  it("caps the values of the plan and its includes together", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qac-plan-"));
    const big = `version: 1\n${"#\n".repeat(130_000)}`;
    await writeFile(join(dir, "a.yaml"), big);
    await writeFile(join(dir, "b.yaml"), big);
    await writeFile(join(dir, "main.yaml"), `version: 1\nproject: 1001\ninclude: [a.yaml, b.yaml]\n`);
    const result = await loadPlan(join(dir, "main.yaml"), { env: {} });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["PLAN_FILE_TOO_LARGE"]);
    expect(result.diagnostics[0]!.message).toContain("and its includes have more than 250,000");
  });

  it("lets only the root plan set defaults and routing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qac-plan-"));
    await writeFile(join(dir, "inc.yaml"), `version: 1\nproject: Mobile App\ndefaults: { forceNewRun: true }\n`);
    await writeFile(join(dir, "main.yaml"), `version: 1\nproject: Web Shop\ninclude: [inc.yaml]\n`);
    const result = await loadPlan(join(dir, "main.yaml"), { env: {} });
    expect(result.diagnostics.map((d) => `${d.code} ${d.line}`)).toEqual([
      "PLAN_EMPTY_EXPANSION 1",
      "PLAN_CONFLICT 2",
      "PLAN_CONFLICT 3",
    ]);
  });
});
