/**
 * The client against the real simulator on port 0: every call, paging across thousands of runs,
 * filters, every error code, retries under injected faults, and secrets absent from everything.
 */
import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "@qac/simulator";
import {
  chunkInFilters, createClient, filter, isQacError, parseQacDate, QacCreateOutcomeUnknownError,
  toProjectId, toReleaseId, toTestConfigId, toTestId, toTestRunId, toTestSetId, toUserId,
  type QacClient, type RequestLogEvent,
} from "@qac/core";

const WEB_SHOP = toProjectId(1001);
const MOBILE = toProjectId(1002);
const DEMO_TOKEN = Buffer.from("demo@qac.example:demo").toString("base64");
const WRONG_PASSWORD = "Wr0ng-S3cret-Pa55!";
const CREATE = "POST /api/v2/projects/:projectId/testruns";
const GET_RUN = "GET /api/v2/projects/:projectId/testruns/:id";

let sim: Simulator;
let client: QacClient;
const produced: unknown[] = [];
const logs: RequestLogEvent[] = [];
const noSleep = (): Promise<void> => Promise.resolve();

function make(username = "demo@qac.example", password = "demo", extra: Partial<Parameters<typeof createClient>[0]> = {}): QacClient {
  return createClient({ baseUrl: sim.url, username, password, retry: { sleep: noSleep }, log: (e) => logs.push(e), ...extra });
}

/** Awaits a rejection, keeps the error for the final secrets sweep, and returns it. */
async function failure(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    produced.push(error);
    return error as Record<string, unknown>;
  }
  throw new Error("expected a rejection");
}

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

beforeAll(async () => {
  sim = await startSimulator({ clock: "virtual" });
  client = make();
});

afterAll(async () => {
  await client.close();
  await sim.close();
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
    await expect(client.tests.get(WEB_SHOP, toTestId(3101))).resolves.toMatchObject({ title: "Guest checkout with credit card" });
    await expect(client.testSets.get(WEB_SHOP, toTestSetId(6101))).resolves.toMatchObject({ title: "Checkout smoke", is_sequential: true });
    expect((await client.testSets.list(WEB_SHOP)).total).toBeGreaterThanOrEqual(6);
    const items = await all(client.testSets.items.iterate(WEB_SHOP, toTestSetId(6101), { pageSize: 2 }));
    expect(items.map((i) => i.test_id)).toEqual([3182, 3121, 3101, 3103, 3105, 3109]);
    await expect(client.testSets.items.get(WEB_SHOP, toTestSetId(6101), 3)).resolves.toMatchObject({ test_id: 3101 });
    await expect(client.configurations.get(WEB_SHOP, toTestConfigId(801))).resolves.toMatchObject({ title: "Chrome / Windows 11" });
    expect((await all(client.configurations.iterate(WEB_SHOP))).map((c) => c.id)).toEqual(expect.arrayContaining([801, 802, 803, 804, 805]));
    await expect(client.releases.get(WEB_SHOP, toReleaseId(903))).resolves.toMatchObject({ title: "Build 41" });
    expect((await client.releases.list(WEB_SHOP, { filter: filter.eq("ReleaseType", "Build") })).results.map((r) => r.id).sort()).toEqual([903, 904]);
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
    expect(run).toMatchObject({ id: 120001, test_set_id: 6101, run_time_formated: expect.stringMatching(/^\d\d:\d\d:\d\d$/) });
    expect(parseQacDate(run.date_started)).toBeInstanceOf(Date);
    const items = await client.testRuns.items.list(WEB_SHOP, run.id);
    expect(items.results.length).toBeGreaterThan(0);
    await expect(client.testRuns.items.get(WEB_SHOP, run.id, items.results[0]!.id)).resolves.toMatchObject({ test_run_id: 120001 });
    const awaiting = await client.testRuns.get(WEB_SHOP, toTestRunId(120005));
    expect(parseQacDate(awaiting.date_finished)).toBeNull();
  });
});

describe("run lifecycle calls", () => {
  it("creates, patches items of, restarts and deletes a run", async () => {
    const run = await client.testRuns.create(WEB_SHOP, { TestSetId: toTestSetId(6106), TestConfigId: toTestConfigId(802), ForceNewRunCreation: true });
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
    const ids = sim.runs.insertMany(1001, Array.from({ length: 3000 }, (_, i) => ({ testId: 3101, releaseId: 904, status: i % 3 === 0 ? "Failed" as const : "Passed" as const })));
    const f = filter.and(filter.eq("ReleaseId", 904), filter.in("Status", ["Passed", "Failed"]), filter.ge("Id", ids[0]!));
    const seen = (await all(client.testRuns.iterate(WEB_SHOP, { filter: f, pageSize: 700 }))).map((r) => r.id);
    expect(seen).toHaveLength(3000);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(sim.counters.get("GET /api/v2/projects/:projectId/testruns")).toBe(5);
    const failed = await client.testRuns.list(WEB_SHOP, { filter: filter.and(f, filter.eq("Status", "Failed")), limit: 0 });
    expect([failed.total, failed.results.length]).toEqual([1000, 0]);
  });

  it("finds runs by a chunked id list", async () => {
    const ids = sim.runs.insertMany(1001, Array.from({ length: 400 }, () => ({ testSetId: 6102 })));
    const chunks = chunkInFilters("Id", ids, { maxEncodedLength: 800, and: filter.eq("TestSetId", 6102) });
    expect(chunks.length).toBeGreaterThan(1);
    const found: number[] = [];
    for (const f of chunks) for await (const r of client.testRuns.iterate(WEB_SHOP, { filter: f })) found.push(r.id);
    expect(found.sort((a, b) => a - b)).toEqual(ids);
  });

  it("matches strings with quotes", async () => {
    const page = await client.tests.list(WEB_SHOP, { filter: filter.eq("Title", "Guest checkout with credit card") });
    expect(page.results.map((t) => t.id)).toEqual([3101]);
    const none = await client.tests.list(WEB_SHOP, { filter: filter.eq("Title", "it's not there") });
    expect(none.total).toBe(0);
  });
});

describe("error codes", () => {
  it("maps wrong credentials to CORE_AUTH", async () => {
    const bad = make("demo@qac.example", WRONG_PASSWORD);
    expect(await failure(bad.projects.list())).toMatchObject({ code: "CORE_AUTH", status: 401 });
    await bad.close();
  });

  it("maps no access to CORE_ACCESS_DENIED and a missing item to CORE_NOT_FOUND", async () => {
    const viewer = make("viewer@qac.example", "viewer");
    expect(await failure(viewer.testRuns.list(MOBILE))).toMatchObject({ code: "CORE_ACCESS_DENIED", status: 403, serverMessage: "Access is denied" });
    expect(await failure(viewer.testRuns.create(WEB_SHOP, { TestId: toTestId(3101) }))).toMatchObject({ code: "CORE_ACCESS_DENIED" });
    await viewer.close();
    expect(await failure(client.tests.get(WEB_SHOP, toTestId(999999)))).toMatchObject({ code: "CORE_NOT_FOUND", status: 404, serverMessage: "File or directory not found" });
  });

  it("maps a refused duplicate to CORE_BAD_REQUEST with the server's message", async () => {
    const strict = await startSimulator({ clock: "virtual", duplicateRunMode: "error" });
    const c = createClient({ baseUrl: `${strict.url}/rest-api/service/`, username: "demo@qac.example", password: "demo", retry: { sleep: noSleep } });
    await c.testRuns.create(WEB_SHOP, { TestId: toTestId(3102) });
    expect(await failure(c.testRuns.create(WEB_SHOP, { TestId: toTestId(3102) }))).toMatchObject({ code: "CORE_BAD_REQUEST", status: 400, serverMessage: "Test is already running" });
    await c.close();
    await strict.close();
  });

  it("maps 429 to CORE_RATE_LIMITED with retryAfterMs once retries run out", async () => {
    sim.faults.set([{ route: GET_RUN, status: 429, retryAfterSeconds: 3 }]);
    const c = make(undefined, undefined, { retry: { maxAttempts: 2, sleep: noSleep } });
    expect(await failure(c.testRuns.get(WEB_SHOP, toTestRunId(120001)))).toMatchObject({ code: "CORE_RATE_LIMITED", status: 429, retryAfterMs: 3000, attempt: 2 });
    await c.close();
  });

  it("maps a 500 to CORE_SERVER without retrying it", async () => {
    sim.faults.set([{ route: GET_RUN, status: 500 }]);
    expect(await failure(client.testRuns.get(WEB_SHOP, toTestRunId(120001)))).toMatchObject({ code: "CORE_SERVER", status: 500 });
    expect(sim.counters.get(GET_RUN)).toBe(1);
  });

  it("maps a refused connection to CORE_NETWORK and a slow server to CORE_TIMEOUT", async () => {
    const closed = await startSimulator({ clock: "virtual" });
    const url = closed.url;
    await closed.close();
    const c = createClient({ baseUrl: url, username: "demo@qac.example", password: "demo", retry: { maxAttempts: 2, sleep: noSleep } });
    expect(await failure(c.projects.list())).toMatchObject({ code: "CORE_NETWORK" });
    await c.close();
    sim.faults.set([{ route: GET_RUN, latencyMs: 300 }]);
    const slow = make(undefined, undefined, { timeoutMs: 50, retry: false });
    expect(await failure(slow.testRuns.get(WEB_SHOP, toTestRunId(120001)))).toMatchObject({ code: "CORE_TIMEOUT" });
    await slow.close();
  });

  it("rejects a non-http base URL with CORE_CONFIG", () => {
    expect(() => createClient({ baseUrl: "ftp://127.0.0.1", username: "demo@qac.example", password: "demo" })).toThrow(expect.objectContaining({ code: "CORE_CONFIG" }));
  });
});

describe("retries under injected faults", () => {
  it("loses no GET under 503s, 502s, 429s and resets", async () => {
    sim.faults.set([
      { route: GET_RUN, status: 503, times: 1 },
      { route: GET_RUN, status: 502, times: 1 },
      { route: GET_RUN, status: 429, retryAfterSeconds: 0, times: 1 },
      { route: GET_RUN, reset: "before", times: 1 },
      { route: GET_RUN, reset: "after", times: 1 },
    ]);
    const c = make(undefined, undefined, { retry: { maxAttempts: 6, sleep: noSleep } });
    await expect(c.testRuns.get(WEB_SHOP, toTestRunId(120001))).resolves.toMatchObject({ id: 120001 });
    expect(sim.counters.get(GET_RUN)).toBe(6);
    await c.close();
  });

  it("reads every page of a list under random faults", async () => {
    sim.faults.set([{ route: "GET /api/v2/projects/:projectId/testruns", status: 503, probability: 0.3 }, { route: "GET /api/v2/projects/:projectId/testruns", reset: "after", probability: 0.2 }], 7);
    const c = make(undefined, undefined, { retry: { maxAttempts: 12, sleep: noSleep } });
    const expected = sim.runs.list(1001).map((r) => r.id);
    const got = (await all(c.testRuns.iterate(WEB_SHOP, { pageSize: 250 }))).map((r) => r.id);
    expect(got).toEqual(expected);
    await c.close();
  });

  it("never repeats a create whose connection reset after the server acted", async () => {
    sim.faults.set([{ route: CREATE, reset: "after", times: 1 }]);
    const before = new Set(sim.runs.list(1001).map((r) => r.id));
    const error = await failure(client.testRuns.create(WEB_SHOP, { TestId: toTestId(3104), ForceNewRunCreation: true }));
    expect(error).toBeInstanceOf(QacCreateOutcomeUnknownError);
    expect(error).toMatchObject({ code: "CORE_CREATE_OUTCOME_UNKNOWN", requestBody: { TestId: 3104, ForceNewRunCreation: true } });
    expect(sim.counters.get(CREATE)).toBe(1);
    const created = sim.runs.list(1001).filter((r) => !before.has(r.id));
    expect(created).toHaveLength(1);
    expect(sim.runs.items(created[0]!.id).map((i) => i.test_id)).toEqual([3104]);
  });

  it("never repeats a create after a 503 either", async () => {
    sim.faults.set([{ route: CREATE, status: 503, times: 1 }]);
    expect(await failure(client.testRuns.create(WEB_SHOP, { TestId: toTestId(3104), ForceNewRunCreation: true }))).toMatchObject({ code: "CORE_CREATE_OUTCOME_UNKNOWN" });
    expect(sim.counters.get(CREATE)).toBe(1);
  });

  it("retries a rate-limited create, creating exactly one run", async () => {
    sim.faults.set([{ route: CREATE, status: 429, retryAfterSeconds: 1, times: 2 }]);
    const before = sim.runs.count();
    const run = await client.testRuns.create(WEB_SHOP, { TestId: toTestId(3105), ForceNewRunCreation: true });
    expect(sim.counters.get(CREATE)).toBe(3);
    expect(sim.runs.count()).toBe(before + 1);
    expect(sim.runs.get(run.id)).toBeDefined();
  });

  it("counts every attempt in the client's stats", async () => {
    const c = make();
    sim.faults.set([{ route: GET_RUN, status: 503, times: 2 }]);
    await c.testRuns.get(WEB_SHOP, toTestRunId(120001));
    expect(c.stats()).toEqual({ total: 3, byRoute: { "GET /api/v2/projects/{ProjectId}/testruns/{Id}": 3 } });
    await c.close();
  });
});

describe("connections", () => {
  it("bounds concurrency with its keep-alive pool", async () => {
    let opened = 0;
    const onConnection = () => (opened += 1);
    sim.app.server.on("connection", onConnection);
    sim.faults.set([{ route: GET_RUN, latencyMs: 20 }]);
    const c = make(undefined, undefined, { connections: 2 });
    const runs = await Promise.all(Array.from({ length: 12 }, () => c.testRuns.get(WEB_SHOP, toTestRunId(120001))));
    sim.app.server.off("connection", onConnection);
    expect(runs).toHaveLength(12);
    expect(opened).toBe(2);
    await c.close();
  });
});

describe("secrets", () => {
  it("never shows the password or the Basic token in any error, log line or client view", () => {
    expect(produced.length).toBeGreaterThan(10);
    const texts = [
      ...produced.map((e) => JSON.stringify(e)),
      ...produced.map((e) => inspect(e, { depth: 10, showHidden: true })),
      ...produced.map((e) => String((e as Error).stack)),
      JSON.stringify(logs),
      inspect(client, { depth: 10, showHidden: true }),
      JSON.stringify(client),
    ];
    const wrongToken = Buffer.from(`demo@qac.example:${WRONG_PASSWORD}`).toString("base64");
    for (const text of texts) {
      for (const secret of [DEMO_TOKEN, "demo@qac.example:demo", WRONG_PASSWORD, wrongToken, "viewer@qac.example:viewer", "\"authorization\":", "authorization: basic"]) {
        const at = text.toLowerCase().indexOf(secret.toLowerCase());
        expect(at, `${secret} leaked: ${text.slice(Math.max(0, at - 300), at + 100)}`).toBe(-1);
      }
    }
    expect(produced.every((e) => isQacError(e))).toBe(true);
  });
});

