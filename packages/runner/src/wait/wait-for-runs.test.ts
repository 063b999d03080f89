import { readFile } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { chunkInFilters, toProjectId, type TestRun, type TestRunItem } from "@qac/core";
import { startFixture, resolveEntries, rowsPerPage, MIXED_ENTRIES, SIMULATOR_MODES } from "../test-support/fixtures.js";
import { applyPlan } from "../apply/apply-plan.js";
import { waitForRuns } from "./wait-for-runs.js";
import { collectRunItems } from "./collect-run-items.js";
import { renderJunit } from "./render-junit.js";

const fixtures: { close(): Promise<void> }[] = [];
afterEach(async () => {
  while (fixtures.length) await fixtures.pop()!.close();
});
const project = toProjectId(1001);

describe.each(SIMULATOR_MODES)("waitForRuns ($name)", ({ options }) => {
  it("polls in batches with one list call per batch until every run finished, and says which failed", async () => {
    const f = await startFixture(options);
    fixtures.push(f);
    const plan = await resolveEntries(f.client, MIXED_ENTRIES);
    const report = await applyPlan(f.client, plan, { sleep: () => Promise.resolve() });
    const ids = report.runs.map((r) => r.runId!);
    f.sim.counters.reset();
    const polls: number[] = [];
    const result = await waitForRuns(f.client, project, ids, {
      sleep: (ms) => f.sim.clock.advance(ms),
      onPoll: (runs) => polls.push(runs.length),
    });
    // The checkout set contains a failing test: the run fails, the others pass.
    expect(result.outcome).toBe("failed");
    expect(result.reason).toMatch(/1 of 5 runs did not pass: \d+ \(Failed\)/);
    expect(result.runs.map((r) => r.id)).toEqual(ids);
    expect(f.sim.counters.get("GET /api/v2/projects/:projectId/testruns")).toBe(result.calls);
    expect(f.sim.counters.get("GET /api/v2/projects/:projectId/testruns/:id")).toBe(0);
    expect(result.calls).toBe(polls.length);
  });

  it("returns passed when every run passed", async () => {
    const f = await startFixture(options);
    fixtures.push(f);
    const plan = await resolveEntries(f.client, MIXED_ENTRIES.split("  - key: checkout")[0]!);
    const report = await applyPlan(f.client, plan, { sleep: () => Promise.resolve() });
    const result = await waitForRuns(
      f.client,
      project,
      report.runs.map((r) => r.runId!),
      { sleep: (ms) => f.sim.clock.advance(ms) },
    );
    expect(result).toMatchObject({ outcome: "passed", reason: "all 3 runs passed" });
  });

  it("stops at the deadline and names the unfinished runs", async () => {
    const f = await startFixture(options);
    fixtures.push(f);
    const plan = await resolveEntries(f.client, MIXED_ENTRIES);
    const report = await applyPlan(f.client, plan, { sleep: () => Promise.resolve() });
    let now = 0;
    const result = await waitForRuns(
      f.client,
      project,
      report.runs.map((r) => r.runId!),
      { timeoutMs: 1000, intervalMs: 400, sleep: (ms) => ((now += ms), Promise.resolve()), now: () => now },
    );
    expect(result.outcome).toBe("timeout");
    expect(result.reason).toContain("the deadline passed with 5 of 5 runs unfinished");
  });

  it("stops at once on Ctrl-C, without sitting out the pause between polls", async () => {
    const f = await startFixture(options);
    fixtures.push(f);
    const ids = f.sim.runs.insertMany(1001, [{ testId: 3141, status: "In Progress" as const }]);
    const controller = new AbortController();
    // A pause that never ends on its own: only the abort can end the wait.
    const result = await waitForRuns(f.client, project, ids, {
      signal: controller.signal,
      sleep: () => (controller.abort(), new Promise<void>(() => undefined)),
    });
    expect(result).toMatchObject({ outcome: "interrupted", calls: 1 });
    expect(result.reason).toBe(`interrupted while 1 runs were unfinished: ${ids[0]} (In Progress)`);
  });

  it("cancels its real pause on abort, so no timer keeps the process alive", async () => {
    const f = await startFixture(options);
    fixtures.push(f);
    const ids = f.sim.runs.insertMany(1001, [{ testId: 3141, status: "In Progress" as const }]);
    const controller = new AbortController();
    const started = Date.now();
    const result = await waitForRuns(f.client, project, ids, {
      signal: controller.signal,
      intervalMs: 60_000,
      onPoll: () => void setImmediate(() => controller.abort()),
    });
    expect(result.outcome).toBe("interrupted");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("reads many runs with few calls: 400 ids in one poll take one list call per page of each chunk", async () => {
    const f = await startFixture(options);
    fixtures.push(f);
    const ids = f.sim.runs.insertMany(
      1001,
      Array.from({ length: 400 }, () => ({ testId: 3141, status: "Passed" as const })),
    );
    const result = await waitForRuns(f.client, project, ids, { sleep: () => Promise.resolve() });
    expect(result.outcome).toBe("passed");
    expect(result.runs).toHaveLength(400);
    // A handful of chunks of ids under the URL budget; per chunk, as few pages as the server's page size allows
    // (one without a cap), never one call per run.
    const chunks = chunkInFilters("Id", ids);
    expect(chunks.length).toBeLessThan(5);
    const idsIn = (f: string) => f.slice(f.indexOf("{") + 1, f.indexOf("}")).split(",").length;
    const pages = chunks.map((f) => Math.ceil(idsIn(String(f)) / rowsPerPage(options, 1000)));
    expect(chunks.map((f) => idsIn(String(f))).reduce((a, b) => a + b)).toBe(400);
    expect(result.calls).toBe(pages.reduce((a, b) => a + b));
  });
});

describe.each(SIMULATOR_MODES)("collectRunItems and renderJunit ($name)", ({ options }) => {
  it("writes one testcase per run item that validates against the common JUnit schema", async () => {
    const f = await startFixture(options);
    fixtures.push(f);
    const plan = await resolveEntries(f.client, MIXED_ENTRIES);
    const report = await applyPlan(f.client, plan, { sleep: () => Promise.resolve() });
    // A finished run of the nightly set too: 21 items, more than one page at a cap of 5.
    const nightly = f.sim.runs.insertMany(1001, [{ testSetId: 6105, status: "Passed" }]);
    const waited = await waitForRuns(f.client, project, [...report.runs.map((r) => r.runId!), ...nightly], {
      sleep: (ms) => f.sim.clock.advance(ms),
    });
    const items = await collectRunItems(f.client, project, waited.runs);
    const xml = renderJunit(waited.runs, items, { name: "mixed" });
    const itemCount = [...items.values()].reduce((n, list) => n + list.length, 0);
    // Every item of every run, each once, however many pages a run's items take.
    const itemIds = (id: number) => (items.get(id) ?? []).map((i) => i.id).sort((a, b) => a - b);
    for (const run of waited.runs)
      expect(itemIds(run.id), `run ${run.id}`).toEqual(
        f.sim.runs
          .items(run.id)
          .map((i) => i.id)
          .sort((a, b) => a - b),
      );
    expect(items.get(nightly[0]!)).toHaveLength(21);
    expect(xml.match(/<testcase /g)).toHaveLength(itemCount);
    expect(xml).toContain('name="Apply discount code at checkout"');
    expect(xml).toMatch(/<failure type="Failed"/);
    const xsd = await readFile(new URL("../../test/junit-schema.xsd", import.meta.url), "utf8");
    const result = await validateXML({
      xml: [{ fileName: "report.xml", contents: xml }],
      schema: [{ fileName: "junit.xsd", contents: xsd }],
    });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

describe("renderJunit", () => {
  it("escapes XML in names and drops characters XML cannot carry", async () => {
    const run = {
      id: 7,
      test_set_id: 0,
      release_id: 0,
      project_id: 1,
      status_code: "Failed",
      configuration_name: `A & B <"x">`,
      test_host: "h'1",
    } as unknown as TestRun;
    const item = {
      id: 1,
      test_run_id: 7,
      test_id: 2,
      test_name: "Search <b>&</b> \u0001 'quote'",
      status_code: "Blocked",
      run_time: 3,
    } as unknown as TestRunItem;
    const xml = renderJunit([run], new Map([[7, [item]]]));
    expect(xml).toContain('name="Search &lt;b&gt;&amp;&lt;/b&gt;  &apos;quote&apos;"');
    expect(xml).not.toContain("\u0001");
    const xsd = await readFile(new URL("../../test/junit-schema.xsd", import.meta.url), "utf8");
    const result = await validateXML({
      xml: [{ fileName: "r.xml", contents: xml }],
      schema: [{ fileName: "junit.xsd", contents: xsd }],
    });
    expect(result.valid).toBe(true);
  });
});
