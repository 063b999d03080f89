import { describe, expect, it } from "vitest";
import { SeedError } from "../errors.js";
import { DEFAULT_SEED_PATH } from "./default-seed.js";
import { loadSeedFile, parseSeed } from "./load-seed.js";

const minimal = `
version: 1
users:
  - { id: 1, email: a@example.com, password: pw, first_name: A, last_name: B, rights: { "10": full } }
projects:
  - id: 10
    name: P
    tests:
      - { id: 100, title: T }
    test_sets:
      - { id: 200, title: S, items: [ { test_id: 100 } ] }
`;

function problemsOf(source: string): string[] {
  try {
    parseSeed(source, "seed.yaml");
  } catch (e) {
    if (e instanceof SeedError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
  return [];
}

describe("seed loading", () => {
  it("accepts the demo tenant demo-seed.yaml", () => {
    const seed = loadSeedFile(DEFAULT_SEED_PATH);
    expect(seed.projects.map((p) => [p.id, p.name])).toEqual([
      [1001, "Web Shop"],
      [1002, "Mobile App"],
    ]);
    expect(seed.projects.flatMap((p) => p.tests ?? []).length).toBeGreaterThanOrEqual(50);
    expect(seed.users.map((u) => u.email)).toEqual(expect.arrayContaining(["demo@qac.example", "viewer@qac.example"]));
  });

  it("accepts a minimal seed", () => {
    expect(problemsOf(minimal)).toEqual([]);
  });

  it("names the line, path and problem for a wrong type", () => {
    expect(problemsOf(minimal.replace("id: 100, title: T", "id: '100', title: T"))).toEqual([
      'line 9: /projects/0/tests/0/id: expected a whole number, found string "100"',
    ]);
  });

  it("reports unknown keys with the allowed ones", () => {
    expect(problemsOf(minimal.replace("name: P", "name: P\n    colour: red"))[0]).toMatch(
      /\/projects\/0\/colour: unknown key 'colour' \(allowed here: id, name, dept_id/,
    );
  });

  it("reports a missing required key at its parent", () => {
    expect(problemsOf(minimal.replace("password: pw, ", ""))).toEqual([
      "line 4: /users/0: missing required key 'password'",
    ]);
  });

  it("reports dangling references and duplicate ids all at once", () => {
    const source = minimal
      .replace('"10": full', '"11": full')
      .replace("test_id: 100 }", "test_id: 999 }")
      .replace("      - { id: 100, title: T }", "      - { id: 100, title: T }\n      - { id: 100, title: Again }");
    expect(problemsOf(source)).toEqual([
      "line 4: /users/0/rights/11: no project with id 11",
      "line 10: /projects/0/tests/1/id: duplicate test id 100 (first used at /projects/0/tests/0)",
      "line 12: /projects/0/test_sets/0/items/0/test_id: no test with id 999 in project 10",
    ]);
  });

  it("reads automations long or short and refuses unknown agents and a second automation per agent", () => {
    const withAgents = (automations: string, agents: string) => {
      const tests = minimal.replace("{ id: 100, title: T }", `{ id: 100, title: T, automations: ${automations} }`);
      return `${tests}hosts:\n  - { id: 1, host_name: h, agents: ${agents} }\n`;
    };
    expect(
      problemsOf(withAgents("[junit, { agent: TestComplete/TestExecute, title: Suite }]", "[NUnit (Selenium)]")),
    ).toEqual([]);
    expect(problemsOf(withAgents("[junit, JUnit (Selenium), { agent: cypress }]", "[selenium]"))).toEqual([
      expect.stringMatching(
        /^line 13: \/hosts\/0\/agents\/0: unknown agent 'selenium'; use one of TestComplete\/TestEx/,
      ),
      "line 9: /projects/0/tests/0/automations/1: a second automation for JUnit (Selenium); a test has one per agent",
      expect.stringMatching(/^line 9: \/projects\/0\/tests\/0\/automations\/2\/agent: unknown agent 'cypress'/),
    ]);
  });

  it("checks outcomes, item statuses and custom fields against the project's choices", () => {
    const project = (extra: string, test: string) =>
      minimal
        .replace("    name: P\n", `    name: P\n${extra}`)
        .replace("{ id: 100, title: T }", `{ id: 100, title: T, ${test} }`);
    const choices = "    item_statuses: [Passed with warnings]\n    test_custom_fields: [Component]\n";
    expect(problemsOf(project(choices, "outcome: Passed with warnings, custom_fields: { Component: Cart }"))).toEqual(
      [],
    );
    expect(problemsOf(project(choices, "outcome: na"))).toEqual([]);
    expect(
      problemsOf(project("    item_statuses: [Skipped]\n", "outcome: flaky, custom_fields: { Colour: red }")),
    ).toEqual([
      "line 8: /projects/0/item_statuses/0: 'Skipped' is a standard status or outcome already",
      "line 10: /projects/0/tests/0/outcome: expected pass, fail, block, skip or na, " +
        "or one of item_statuses (Skipped), found 'flaky'",
      "line 10: /projects/0/tests/0/custom_fields/Colour: no custom field 'Colour' in the project's test_custom_fields",
    ]);
  });

  it("throws SeedError with code SIM_SEED_INVALID for an invalid seed", () => {
    expect(() => parseSeed(minimal.replace("password: pw, ", ""), "seed.yaml")).toThrow(
      expect.objectContaining({ name: "SeedError", code: "SIM_SEED_INVALID" }),
    );
  });

  it("reports YAML syntax errors with their line", () => {
    expect(problemsOf("version: 1\nusers: [\n")[0]).toMatch(/^line \d+: /);
  });

  it("fails with SIM_SEED_READ for a missing file", () => {
    expect(() => loadSeedFile("/nonexistent/seed.yaml")).toThrowError(
      expect.objectContaining({ code: "SIM_SEED_READ" }),
    );
  });
});
