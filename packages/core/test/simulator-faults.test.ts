/**
 * The client against the real simulator: every error code, retries under injected faults, create safety, connection
 * bounds, secrets.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "@qac/simulator";
import {
  createClient,
  QacCreateOutcomeUnknownError,
  toProjectId,
  toTestId,
  toTestRunId,
  RETRY_DEFAULTS,
  type QacClient,
} from "@qac/core";
import {
  all,
  CREATE,
  expectNoSecrets,
  GET_RUN,
  LIST_RUNS,
  noSleep,
  startHarness,
  WRONG_PASSWORD,
  type Harness,
} from "./harness.js";

const WEB_SHOP = toProjectId(1001);
const MOBILE = toProjectId(1002);

let h: Harness;
let sim: Simulator;
let client: QacClient;
const failure = (p: Promise<unknown>) => h.failure(p);
const make = (...args: Parameters<Harness["make"]>) => h.make(...args);

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

describe("error codes", () => {
  it("maps wrong credentials to CORE_AUTH", async () => {
    const bad = make("demo@qac.example", WRONG_PASSWORD);
    expect(await failure(bad.projects.list())).toMatchObject({ code: "CORE_AUTH", status: 401 });
    await bad.close();
  });

  it("maps no access to CORE_ACCESS_DENIED and a missing item to CORE_NOT_FOUND", async () => {
    const viewer = make("viewer@qac.example", "viewer");
    expect(await failure(viewer.testRuns.list(MOBILE))).toMatchObject({
      code: "CORE_ACCESS_DENIED",
      status: 403,
      serverMessage: "Access is denied",
    });
    expect(await failure(viewer.testRuns.create(WEB_SHOP, { TestId: toTestId(3101) }))).toMatchObject({
      code: "CORE_ACCESS_DENIED",
    });
    await viewer.close();
    expect(await failure(client.tests.get(WEB_SHOP, toTestId(999999)))).toMatchObject({
      code: "CORE_NOT_FOUND",
      status: 404,
      serverMessage: "File or directory not found",
    });
  });

  it("maps a refused duplicate to CORE_BAD_REQUEST with the server's message", async () => {
    const strict = await startSimulator({ clock: "virtual", duplicateRunMode: "error" });
    const c = createClient({
      baseUrl: `${strict.url}/rest-api/service/`,
      username: "demo@qac.example",
      password: "demo",
      retry: { sleep: noSleep },
    });
    await c.testRuns.create(WEB_SHOP, { TestId: toTestId(3102) });
    expect(await failure(c.testRuns.create(WEB_SHOP, { TestId: toTestId(3102) }))).toMatchObject({
      code: "CORE_BAD_REQUEST",
      status: 400,
      serverMessage: "Test is already running",
    });
    await c.close();
    await strict.close();
  });

  it("maps 429 to CORE_RATE_LIMITED with retryAfterMs once retries run out", async () => {
    sim.faults.set([{ route: GET_RUN, status: 429, retryAfterSeconds: 3 }]);
    const c = make(undefined, undefined, { retry: { rateLimitWaitMs: 3000, sleep: noSleep } });
    expect(await failure(c.testRuns.get(WEB_SHOP, toTestRunId(120001)))).toMatchObject({
      code: "CORE_RATE_LIMITED",
      status: 429,
      retryAfterMs: 3000,
      attempt: 2,
    });
    await c.close();
  });

  it("maps a 500 to CORE_SERVER without retrying it", async () => {
    sim.faults.set([{ route: GET_RUN, status: 500 }]);
    expect(await failure(client.testRuns.get(WEB_SHOP, toTestRunId(120001)))).toMatchObject({
      code: "CORE_SERVER",
      status: 500,
    });
    expect(sim.counters.get(GET_RUN)).toBe(1);
  });

  it("maps a refused connection to CORE_NETWORK and a slow server to CORE_TIMEOUT", async () => {
    const closed = await startSimulator({ clock: "virtual" });
    const url = closed.url;
    await closed.close();
    const c = createClient({
      baseUrl: url,
      username: "demo@qac.example",
      password: "demo",
      retry: { maxAttempts: 2, sleep: noSleep },
    });
    expect(await failure(c.projects.list())).toMatchObject({ code: "CORE_NETWORK" });
    await c.close();
    sim.faults.set([{ route: GET_RUN, latencyMs: 300 }]);
    const slow = make(undefined, undefined, { timeoutMs: 50, retry: false });
    expect(await failure(slow.testRuns.get(WEB_SHOP, toTestRunId(120001)))).toMatchObject({ code: "CORE_TIMEOUT" });
    await slow.close();
  });

  it("rejects a non-http base URL with CORE_CONFIG", () => {
    expect(() => createClient({ baseUrl: "ftp://127.0.0.1", username: "demo@qac.example", password: "demo" })).toThrow(
      expect.objectContaining({ code: "CORE_CONFIG" }),
    );
  });
});

describe("retries under injected faults", () => {
  it("spends exactly RETRY_DEFAULTS.maxAttempts attempts on a persistent 503, waiting between them", async () => {
    sim.faults.set([{ route: GET_RUN, status: 503 }]);
    const waits: number[] = [];
    const c = make(undefined, undefined, {
      retry: { sleep: (ms) => (waits.push(ms), Promise.resolve()) },
    });
    expect(await failure(c.testRuns.get(WEB_SHOP, toTestRunId(120001)))).toMatchObject({
      code: "CORE_SERVER",
      status: 503,
      attempt: RETRY_DEFAULTS.maxAttempts,
    });
    expect(sim.counters.get(GET_RUN)).toBe(8);
    expect(waits).toHaveLength(7);
    // Equal jitter: each wait is at least half of 0.5 s, 1 s, 2 s, ... capped at 30 s.
    expect(waits.every((ms, i) => ms >= Math.min(30_000, 500 * 2 ** i) / 2)).toBe(true);
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(30_000);
    await c.close();
  });

  it("waits out 429s without spending attempts, until the server answers", async () => {
    sim.faults.set([{ route: GET_RUN, status: 429, retryAfterSeconds: 2, times: 30 }]);
    const c = make(undefined, undefined, { retry: { maxAttempts: 2, sleep: noSleep } });
    await expect(c.testRuns.get(WEB_SHOP, toTestRunId(120001))).resolves.toMatchObject({ id: 120001 });
    expect(sim.counters.get(GET_RUN)).toBe(31);
    await c.close();
  });

  it("stops waiting out a 429 at once when the client's signal aborts (Ctrl-C)", async () => {
    sim.faults.set([{ route: GET_RUN, status: 429, retryAfterSeconds: 600 }]);
    const controller = new AbortController();
    const c = make(undefined, undefined, { signal: controller.signal, retry: {} });
    const pending = failure(c.testRuns.get(WEB_SHOP, toTestRunId(120001)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    expect(await pending).toMatchObject({ code: "CORE_RATE_LIMITED", retryAfterMs: 600_000 });
    expect(sim.counters.get(GET_RUN)).toBe(1);
    await c.close();
  });

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
    sim.faults.set(
      [
        { route: LIST_RUNS, status: 503, probability: 0.3 },
        { route: LIST_RUNS, reset: "after", probability: 0.2 },
      ],
      7,
    );
    const c = make(undefined, undefined, { retry: { maxAttempts: 12, sleep: noSleep } });
    const expected = sim.runs.list(1001).map((r) => r.id);
    const got = (await all(c.testRuns.iterate(WEB_SHOP, { pageSize: 250 }))).map((r) => r.id);
    expect(got).toEqual(expected);
    await c.close();
  });

  it("never repeats a create whose connection reset after the server acted", async () => {
    sim.faults.set([{ route: CREATE, reset: "after", times: 1 }]);
    const before = new Set(sim.runs.list(1001).map((r) => r.id));
    const error = await failure(
      client.testRuns.create(WEB_SHOP, { TestId: toTestId(3104), ForceNewRunCreation: true }),
    );
    expect(error).toBeInstanceOf(QacCreateOutcomeUnknownError);
    expect(error).toMatchObject({
      code: "CORE_CREATE_OUTCOME_UNKNOWN",
      requestBody: { TestId: 3104, ForceNewRunCreation: true },
    });
    expect(sim.counters.get(CREATE)).toBe(1);
    const created = sim.runs.list(1001).filter((r) => !before.has(r.id));
    expect(created).toHaveLength(1);
    expect(sim.runs.items(created[0]!.id).map((i) => i.test_id)).toEqual([3104]);
  });

  it("never repeats a create after a 503 either", async () => {
    sim.faults.set([{ route: CREATE, status: 503, times: 1 }]);
    expect(
      await failure(client.testRuns.create(WEB_SHOP, { TestId: toTestId(3104), ForceNewRunCreation: true })),
    ).toMatchObject({ code: "CORE_CREATE_OUTCOME_UNKNOWN" });
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
    expect(h.produced.length).toBeGreaterThan(10);
    expectNoSecrets(h);
  });
});
