/** The client against the real simulator on port 0: every call, paging across thousands of runs, filters. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Simulator } from "@qac/simulator";
import {
  chunkInFilters,
  filter,
  parseQacDate,
  toProjectId,
  toReleaseId,
  toTestConfigId,
  toTestId,
  toTestRunId,
  toTestSetId,
  toUserId,
  type QacClient,
} from "@qac/core";
import { all, expectNoSecrets, startHarness, type Harness } from "./harness.js";

const WEB_SHOP = toProjectId(1001);

let h: Harness;
let sim: Simulator;
let client: QacClient;
const failure = (p: Promise<unknown>) => h.failure(p);

beforeAll(async () => {
  h = await startHarness();
  ({ sim, client } = h);
});

afterAll(async () => {
  await h.close();
});

beforeEach(() => {
  sim.faults.clear();
  sim.counters.reset();
});

describe("every read call", () => {
  it("reads projects with string ids, and one project", async () => {
    const page = await client.projects.list();
    expect(page.results.map((p) => p.proj_name)).toContain("Web Shop");
    const shop = page.results.find((p) => p.proj_name === "Web Shop")!;
    expect(typeof shop.id).toBe("string");
    expect(toProjectId(shop.id)).toBe(1001);
    await expect(client.projects.get(WEB_SHOP)).resolves.toMatchObject({ proj_name: "Web Shop" });
    expect((await all(client.projects.iterate({ pageSize: 1 }))).length).toBe(page.total);
  });

  it("reads users, tests, test sets with items, configurations and releases", async () => {
    expect((await client.users.list(WEB_SHOP)).results.map((u) => u.email)).toContain("demo@qac.example");
    await expect(client.users.get(WEB_SHOP, toUserId(501))).resolves.toMatchObject({ email: "demo@qac.example" });
    const tests = await all(client.tests.iterate(WEB_SHOP, { pageSize: 7 }));
    expect(tests.length).toBeGreaterThan(30);
    await expect(client.tests.get(WEB_SHOP, toTestId(3101))).resolves.toMatchObject({
      title: "Guest checkout with credit card",
    });
    await expect(client.testSets.get(WEB_SHOP, toTestSetId(6101))).resolves.toMatchObject({
      title: "Checkout smoke",
      is_sequential: true,
    });
    expect((await client.testSets.list(WEB_SHOP)).total).toBeGreaterThanOrEqual(6);
    const items = await all(client.testSets.items.iterate(WEB_SHOP, toTestSetId(6101), { pageSize: 2 }));
    expect(items.map((i) => i.test_id)).toEqual([3182, 3121, 3101, 3103, 3105, 3109]);
    await expect(client.testSets.items.get(WEB_SHOP, toTestSetId(6101), 3)).resolves.toMatchObject({ test_id: 3101 });
    await expect(client.configurations.get(WEB_SHOP, toTestConfigId(801))).resolves.toMatchObject({
      title: "Chrome / Windows 11",
    });
    expect((await all(client.configurations.iterate(WEB_SHOP))).map((c) => c.id)).toEqual(
      expect.arrayContaining([801, 802, 803, 804, 805]),
    );
    await expect(client.releases.get(WEB_SHOP, toReleaseId(903))).resolves.toMatchObject({ title: "Build 41" });
    expect(
      (await client.releases.list(WEB_SHOP, { filter: filter.eq("ReleaseType", "Build") })).results
        .map((r) => r.id)
        .sort(),
    ).toEqual([903, 904]);
  });

  it("searches tests and configurations with a POST filter", async () => {
    const found = await client.tests.search(WEB_SHOP, filter.contains("Title", "checkout"));
    expect(found.results.length).toBeGreaterThan(3);
    expect(found.results.every((t) => t.title.toLowerCase().includes("checkout"))).toBe(true);
    const all2 = await all(client.tests.iterateSearch(WEB_SHOP, filter.contains("Title", "checkout"), { pageSize: 2 }));
    expect(all2.length).toBe(found.total);
    const configs = await client.configurations.search(WEB_SHOP, filter.in("Id", [801, 803]));
    expect(configs.results.map((c) => c.id).sort()).toEqual([801, 803]);
  });

  it("finds a test host by name and returns null for an unknown one", async () => {
    const host = await client.hosts.findByName("BUILD-AGENT-02");
    expect(host).toMatchObject({ id: 102, host_name: "build-agent-02", is_active: true });
    expect(host).not.toHaveProperty("security_token");
    await expect(client.hosts.findByName("no-such-host")).resolves.toBeNull();
  });

  it("reads runs and items of the seeded history, with parseable dates", async () => {
    const run = await client.testRuns.get(WEB_SHOP, toTestRunId(120001));
    expect(run).toMatchObject({
      id: 120001,
      test_set_id: 6101,
      run_time_formated: expect.stringMatching(/^\d\d:\d\d:\d\d$/),
    });
    expect(parseQacDate(run.date_started)).toBeInstanceOf(Date);
    const items = await client.testRuns.items.list(WEB_SHOP, run.id);
    expect(items.results.length).toBeGreaterThan(0);
    await expect(client.testRuns.items.get(WEB_SHOP, run.id, items.results[0]!.id)).resolves.toMatchObject({
      test_run_id: 120001,
    });
    const awaiting = await client.testRuns.get(WEB_SHOP, toTestRunId(120005));
    expect(parseQacDate(awaiting.date_finished)).toBeNull();
  });
});

describe("run lifecycle calls", () => {
  it("creates, patches items of, restarts and deletes a run", async () => {
    const run = await client.testRuns.create(WEB_SHOP, {
      TestSetId: toTestSetId(6106),
      TestConfigId: toTestConfigId(802),
      ForceNewRunCreation: true,
    });
    expect(run).toMatchObject({ test_set_id: 6106, status_code: "Awaiting Run" });
    const items = await all(client.testRuns.items.iterate(WEB_SHOP, run.id));
    for (const item of items) await client.testRuns.items.patch(WEB_SHOP, run.id, item.id, { StatusCode: "Passed" });
    await expect(client.testRuns.get(WEB_SHOP, run.id)).resolves.toMatchObject({ status_code: "Passed" });
    const again = await client.testRuns.restart(WEB_SHOP, run.id);
    expect(again.id).not.toBe(run.id);
    await client.testRuns.delete(WEB_SHOP, run.id);
    await client.testRuns.delete(WEB_SHOP, again.id);
    expect((await failure(client.testRuns.get(WEB_SHOP, run.id))).code).toBe("CORE_NOT_FOUND");
  });
});

describe("paging and filters", () => {
  it("pages across thousands of runs without losing or repeating one", async () => {
    const ids = sim.runs.insertMany(
      1001,
      Array.from({ length: 3000 }, (_, i) => ({
        testId: 3101,
        releaseId: 904,
        status: i % 3 === 0 ? ("Failed" as const) : ("Passed" as const),
      })),
    );
    const f = filter.and(
      filter.eq("ReleaseId", 904),
      filter.anyOf("Status", ["Passed", "Failed"]),
      filter.ge("Id", ids[0]!),
    );
    const seen = (await all(client.testRuns.iterate(WEB_SHOP, { filter: f, pageSize: 700 }))).map((r) => r.id);
    expect(seen).toHaveLength(3000);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(sim.counters.get("GET /api/v2/projects/:projectId/testruns")).toBe(5);
    const failed = await client.testRuns.list(WEB_SHOP, {
      filter: filter.and(f, filter.eq("Status", "Failed")),
      limit: 0,
    });
    expect([failed.total, failed.results.length]).toEqual([1000, 0]);
  });

  it("finds runs by a chunked id list", async () => {
    const ids = sim.runs.insertMany(
      1001,
      Array.from({ length: 400 }, () => ({ testSetId: 6102 })),
    );
    const chunks = chunkInFilters("Id", ids, { maxEncodedLength: 800, and: filter.eq("TestSetId", 6102) });
    expect(chunks.length).toBeGreaterThan(1);
    const found: number[] = [];
    for (const f of chunks) for await (const r of client.testRuns.iterate(WEB_SHOP, { filter: f })) found.push(r.id);
    expect(found.sort((a, b) => a - b)).toEqual(ids);
  });

  it("sends any string literal the server can parse, quotes, braces and all", async () => {
    const title = "Guest checkout with credit card";
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 30 }), async (s) => {
        const page = await client.tests.list(WEB_SHOP, {
          filter: filter.or(filter.eq("Title", s), filter.anyOf("Title", [s, title, `${s}'`])),
        });
        expect(page.results.map((t) => t.title)).toContain(title);
      }),
      { numRuns: 40 },
    );
  });

  it("matches strings with quotes", async () => {
    const page = await client.tests.list(WEB_SHOP, { filter: filter.eq("Title", "Guest checkout with credit card") });
    expect(page.results.map((t) => t.id)).toEqual([3101]);
    const none = await client.tests.list(WEB_SHOP, { filter: filter.eq("Title", "it's not there") });
    expect(none.total).toBe(0);
  });
});

describe("secrets", () => {
  it("never shows credentials in any error, log line or client view of this file", () => {
    expect(h.produced.length).toBeGreaterThan(0);
    expectNoSecrets(h);
  });
});
