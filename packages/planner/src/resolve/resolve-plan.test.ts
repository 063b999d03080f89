import { createClient, type QacClient } from "@qac/core";
import { DEFAULT_SEED_PATH, loadSeedFile, startSimulator, type Simulator, type SimulatorOptions } from "@qac/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPlan } from "../load/load-plan.js";
import { resolvePlan } from "./resolve-plan.js";

/** The lenient simulator, and a strict one with pages of 5 as the real QAComplete may cap them. */
const MODES: { name: string; options: SimulatorOptions }[] = [
  { name: "lenient simulator", options: {} },
  { name: "strict simulator, pages of 5", options: { strict: true, maxPageSize: 5 } },
];

let sim: Simulator;
let client: QacClient;

const head = `version: 1
project: Web Shop
configurations:
  chrome: "Chrome / Windows 11"
hosts:
  win: build-agent-01
`;

async function resolveText(text: string, selection?: { only?: string[]; exclude?: string[] }) {
  const loaded = await loadPlan({ text, file: "plan.yaml" }, { env: {} });
  if (!loaded.ok) throw new Error(`invalid test plan: ${JSON.stringify(loaded.diagnostics)}`);
  return resolvePlan(loaded.plan, client, selection ? { selection } : {});
}

const brief = (ds: { code: string; line: number; message: string }[]) =>
  ds.map((d) => `${d.code}@${d.line} ${d.message}`);

describe.each(MODES)("resolvePlan against the $name", ({ options }) => {
  beforeAll(async () => {
    // The demo tenant plus a second configuration with the same title, to make a name ambiguous.
    const seed = loadSeedFile(DEFAULT_SEED_PATH);
    seed.projects[0]!.configurations!.push({ id: 806, title: "Edge / Windows 11" });
    sim = await startSimulator({ port: 0, clock: "virtual", seed, ...options });
    client = createClient({ baseUrl: sim.url, username: "demo@qac.example", password: "demo", retry: false });
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });

  it("resolves names to ids, one desired run per matrix cell, with IsSequential from the test set", async () => {
    const result = await resolveText(
      `${head}releases:\n  b42: 2026.12 / RC1 / Build 42\nentries:\n  - testSet: Checkout smoke\n    ` +
        `configurations: chrome\n    releases: b42\n    host: win\n  - test: { id: 3122 }\n    host: win\n`,
    );
    expect(result.diagnostics).toEqual([]);
    if (!result.ok) return;
    const [set, test] = result.resolved.runs;
    expect(set).toMatchObject({
      kind: "testSet",
      testSetId: 6101,
      title: "Checkout smoke",
      isSequential: true,
      forceNewRun: false,
      identityKey: "p1001/set:6101/cfg:801/rel:904/host:101",
      runKey: "checkout-smoke/chrome/b42",
    });
    expect(set!.release).toEqual({ name: "b42", id: 904, title: "Build 42", path: "2026.12 / RC1 / Build 42" });
    expect(set!.body).toEqual({
      TestSetId: 6101,
      TestConfigId: 801,
      ReleaseId: 904,
      RunByHostId: 101,
      IsSequential: true,
      ForceNewRunCreation: true,
    });
    expect(test).toMatchObject({
      testId: 3122,
      title: "Change quantity in cart",
      isSequential: false,
      configuration: null,
      release: null,
    });
    // What the plan leaves empty is left out, not sent as 0 (undocumented); ForceNewRunCreation is always sent.
    expect(test!.body).toEqual({ TestId: 3122, RunByHostId: 101, IsSequential: false, ForceNewRunCreation: true });
    expect(set!.origin).toMatchObject({ file: "plan.yaml", line: 10 });
    expect(set!.identity).toMatch(/^[0-9a-f]{16}$/);
  });

  it("is deterministic: resolving the same plan twice gives the same result", async () => {
    const text =
      `${head}entries:\n  - { testSet: Search regression, host: win }\n  - { test: Search by product ` +
      `name, host: win, configurations: chrome }\n`;
    const [a, b] = [await resolveText(text), await resolveText(text)];
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(b.resolved.runs).toEqual(a.resolved.runs);
  });

  it("fetches each entity kind once, however many entries name it", async () => {
    const tests = [
      "Search by product name",
      "Filter results by price range",
      "Sort results by customer rating",
      "Change quantity in cart",
      "Update billing address",
    ];
    const entries = tests
      .flatMap((t, i) => [`  - { key: t${i}, test: "${t}", host: win, configurations: chrome }`])
      .join("\n");
    const result = await resolveText(
      `${head}entries:\n${entries}\n  - { testSet: Search regression, host: win }\n  - { testSet: Accounts ` +
        `regression, host: win }\n`,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // One page per list; at a cap of 5, the 6 configurations and 6 test sets take 2 pages each.
    const pages = options.maxPageSize === 5 ? 2 : 1;
    expect(result.resolved.calls).toEqual({
      total: 3 + 2 * pages,
      byKind: { projects: 1, configurations: pages, testSets: pages, tests: 1, hosts: 1 },
      // Counted in pages of the 1000 rows asked for: it does not know the server's cap.
      minimum: 5,
    });
  });

  it("suggests near names for a missing test, configuration and release", async () => {
    const text =
      `version: 1\nproject: Web Shop\nconfigurations:\n  chrome: "Chrome / Windows 1"\nreleases:\n  b42: ` +
      `2026.12 / RC1 / Build 24\nhosts:\n  win: build-agent-01\nentries:\n  - test: Log in with email and password\n ` +
      `   configurations: chrome\n    releases: b42\n    host: win\n`;
    const result = await resolveText(text);
    expect(result.ok).toBe(false);
    expect(brief(result.diagnostics)).toEqual([
      'PLAN_NOT_FOUND@4 configuration "chrome": "Chrome / Windows 1" was not found; did you mean "Chrome / Windows ' +
        '11" or "Edge / Windows 11"?',
      'PLAN_NOT_FOUND@6 release "b42": "2026.12 / RC1 / Build 24" was not found; did you mean "2026.12 / RC1 / ' +
        'Build 41" or "2026.12 / RC1 / Build 42" or "2026.12 / RC1"?',
      'PLAN_NOT_FOUND@10 test "Log in with email and password" was not found; did you mean "Log in with e-mail and ' +
        'password"?',
    ]);
  });

  it("lists tests for suggestions only when a test is missing, not for a missing test set", async () => {
    const result = await resolveText(`${head}entries:\n  - { testSet: Checkout smok, host: win }\n`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(brief(result.diagnostics)).toEqual([
      'PLAN_NOT_FOUND@8 test set "Checkout smok" was not found; did you mean "Checkout smoke"?',
    ]);
    expect(result.calls.byKind["tests"]).toBeUndefined();
  });

  it("reports an ambiguous name with its candidates, and inactive configurations and hosts", async () => {
    const text =
      `version: 1\nproject: Web Shop\nconfigurations:\n  edge: "Edge / Windows 11"\n  ie: "IE 11 / ` +
      `Windows 8.1"\nhosts:\n  old: build-agent-03\n  ghost: no-such-agent\nentries:\n  - { testSet: Search ` +
      `regression, configurations: [edge, ie], host: old }\n  - { key: b, testSet: Search regression, host: ghost ` +
      `}\n`;
    const result = await resolveText(text);
    expect(brief(result.diagnostics)).toEqual([
      'PLAN_AMBIGUOUS@4 configuration "edge": "Edge / Windows 11" matches 2 active entities (Edge / Windows 11 (id ' +
        "804), Edge / Windows 11 (id 806)); refer to one by id, e.g. `{ id: N }`",
      'PLAN_INACTIVE@5 configuration "ie": "IE 11 / Windows 8.1" (id 805) is inactive in QAComplete; activate it or ' +
        "choose another",
      'PLAN_INACTIVE@7 host "old": test host "build-agent-03" (id 104) is inactive and cannot run tests; activate ' +
        "it or route to another host",
      'PLAN_NOT_FOUND@8 host "ghost": no test host named "no-such-agent" is registered; check the name in ' +
        "QAComplete's Test Hosts (the API cannot list hosts, so no suggestions)",
    ]);
  });

  it("routes on the folder once it is known, and reports an automated run left without a host", async () => {
    const text =
      `${head}routing:\n  rules:\n    - when: { folder: Search }\n      host: win\nentries:\n  - test: ` +
      `Search by product name\n  - test: Change quantity in cart\n`;
    const result = await resolveText(text);
    expect(brief(result.diagnostics)).toEqual([
      'PLAN_NO_HOST@13 test "Change quantity in cart" is automated but entry "change-quantity-in-cart" gets no ' +
        "host; add `host:`, a routing rule or `routing.fallback`",
    ]);
  });

  it("reports two entries that make the same run", async () => {
    const result = await resolveText(
      `${head}entries:\n  - { key: a, test: Change quantity in cart, host: win }\n  - { key: b, test: 3122, host: ` +
        `win }\n`,
    );
    expect(brief(result.diagnostics)).toEqual([
      "PLAN_DUPLICATE_RUN@9 run b/-/- is the same run as a/-/- (plan.yaml:8): p1001/test:3122/cfg:-/rel:-/host:101; " +
        "remove one, or change its configuration, release or host",
    ]);
  });

  it("resolves only the selected runs", async () => {
    const text =
      `${head}  other: no-such-agent\nentries:\n  - { key: keep, testSet: Search regression, host: win, ` +
      `labels: [smoke] }\n  - { key: drop, testSet: Search regression, host: other }\n`;
    const result = await resolveText(text, { only: ["label:smoke"] });
    expect(result.ok && result.resolved.runs.map((r) => r.runKey)).toEqual(["keep/-/-"]);
    expect(result.ok && result.resolved.calls.byKind["hosts"]).toBe(1);
  });

  it("reports a project the user cannot see", async () => {
    const result = await resolveText(
      `version: 1\nproject: Web Shopp\nhosts: { win: build-agent-01 }\nentries:\n  - { test: 1, host: win }\n`,
    );
    expect(brief(result.diagnostics)).toEqual([
      'PLAN_NOT_FOUND@2 project "Web Shopp" was not found; did you mean "Web Shop"? (projects you can access: 2)',
    ]);
  });
});
