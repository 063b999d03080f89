import { chunkInFilters, createClient, toHostId, toProjectId, toTestId, type QacClient } from "@qac/core";
import { startSimulator, type Simulator } from "@qac/simulator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StatusEvent } from "../events/create-event-hub.js";
import { createPoller } from "./create-poller.js";
import { auth, report, reportRun, testServer } from "../test-support/fixtures.js";

const LIST = "GET /api/v2/projects/:projectId/testruns";
let sim: Simulator;
let client: QacClient;
let app: ReturnType<typeof testServer>;

beforeEach(async () => {
  sim = await startSimulator({ clock: "virtual" });
  client = createClient({ baseUrl: sim.url, username: "demo@qac.example", password: "demo", retry: false });
  app = testServer({
    qac: { client },
    poller: { autoStart: false, intervalMs: 1000, maxBackoffMs: 10_000 },
    now: () => sim.clock.now(),
  });
});
afterEach(async () => {
  await app.close();
  await client.close();
  await sim.close();
});

const poller = () => app.qacStatus.poller!;
const startRun = async (testId: number) =>
  Number(
    (
      await client.testRuns.create(toProjectId(1001), {
        TestId: toTestId(testId),
        RunByHostId: toHostId(101),
        ForceNewRunCreation: true,
      })
    ).id,
  );
const record = (runs: { runId: number; status?: string }[]) =>
  app.inject({
    method: "POST",
    url: "/api/v1/applies",
    headers: auth(),
    payload: report({
      runs: runs.map((r, i) =>
        reportRun({ identity: `run-${i}`, title: `Run ${i}`, runId: r.runId, status: r.status ?? "Awaiting Run" }),
      ),
    }),
  });
const statuses = async (): Promise<string[]> =>
  (await app.inject("/api/v1/runs?limit=1000")).json<{ runs: { status: string }[] }>().runs.map((r) => r.status);

describe("live status poller (against the simulator)", () => {
  it("follows runs to their result, pushes changes as events with core's bucket, then stops asking", async () => {
    const ids = [await startRun(3101), await startRun(3103)];
    await record(ids.map((runId) => ({ runId })));
    const events: StatusEvent[] = [];
    app.qacStatus.events.subscribe((e) => events.push(e));
    sim.counters.reset();

    expect((await poller().pollOnce()).calls).toBe(1);
    expect(await statuses()).toEqual(["Awaiting Run", "Awaiting Run"]);
    await sim.clock.advance(30 * 60_000);
    const cycle = await poller().pollOnce();
    expect(cycle.error).toBeNull();
    expect(await statuses()).toEqual(["Passed", "Failed"]);
    expect(events.filter((e) => e.type === "run").map((e) => e.data)).toEqual([
      { projectId: 1001, runId: ids[0], status: "Passed", previous: "Awaiting Run", finished: true, bucket: "passed" },
      { projectId: 1001, runId: ids[1], status: "Failed", previous: "Awaiting Run", finished: true, bucket: "failed" },
    ]);
    expect((await app.inject("/api/v1/plans")).json().plans[0].counts).toMatchObject({
      passed: 1,
      failed: 1,
      awaiting: 0,
    });

    const idle = await poller().pollOnce();
    expect(idle).toMatchObject({ runs: 0, calls: 0 });
    expect(sim.counters.get(LIST)).toBe(2);
  });

  it("asks for many runs in as few Id-in batches as the URL budget allows", async () => {
    const ids = sim.runs.insertMany(
      1001,
      Array.from({ length: 600 }, () => ({ testId: 3102, hostId: 101, status: "Awaiting Run" as const })),
    );
    await record(ids.map((runId) => ({ runId })));
    sim.counters.reset();
    const cycle = await poller().pollOnce();
    const minimum = chunkInFilters("Id", ids).length;
    expect(minimum).toBeGreaterThan(1);
    expect(cycle).toMatchObject({ runs: 600, calls: minimum, error: null });
    expect(sim.counters.get(LIST)).toBe(minimum);
  });

  it("refreshes each project on its own: one project the user cannot read does not hold up another", async () => {
    const [inShop] = sim.runs.insertMany(1001, [{ testId: 3102, hostId: 101, status: "Passed" }]);
    const [inApp] = sim.runs.insertMany(1002, [{ testId: 4101, hostId: 103, status: "Failed" }]);
    await record([{ runId: inShop! }]);
    await app.inject({
      method: "POST",
      url: "/api/v1/applies",
      headers: auth(),
      payload: report({
        plan: { name: "mobile", file: "m.yaml" },
        project: { id: 1002, name: "Mobile App" },
        runs: [reportRun({ runId: inApp! })],
      }),
    });
    const viewer = createClient({ baseUrl: sim.url, username: "viewer@qac.example", password: "viewer", retry: false });
    const own = createPoller({ client: viewer, store: app.qacStatus.store.runStatus });
    const cycle = await own.pollOnce();
    expect(cycle.calls).toBe(2);
    expect(cycle.error).toMatch(/^CORE_ACCESS_DENIED/);
    expect(cycle.changes.map((c) => [c.projectId, c.status])).toEqual([[1001, "Passed"]]);
    expect(own.state()).toMatchObject({ consecutiveFailures: 1, unfinishedRuns: 1 });
    await viewer.close();
  });

  it("stops polling a run QAComplete no longer knows", async () => {
    await record([{ runId: 987654 }]);
    expect((await poller().pollOnce()).calls).toBe(1);
    expect(poller().state().unfinishedRuns).toBe(0);
    expect((await poller().pollOnce()).calls).toBe(0);
  });

  it("backs off after failures, reports its lag, and recovers", async () => {
    const id = await startRun(3101);
    await record([{ runId: id }]);
    sim.faults.set([{ route: LIST, status: 503 }]);
    const failed = await poller().pollOnce();
    expect(failed.error).toMatch(/^CORE_SERVER/);
    expect(failed.error).not.toContain("demo@qac.example:demo");
    expect(poller().state()).toMatchObject({ consecutiveFailures: 1, nextDelayMs: 2000 });
    await poller().pollOnce();
    await poller().pollOnce();
    expect(poller().state()).toMatchObject({ consecutiveFailures: 3, nextDelayMs: 8000 });
    await poller().pollOnce();
    expect(poller().state().nextDelayMs).toBe(10_000);

    await sim.clock.advance(90_000);
    expect(poller().state().lagSeconds).toBe(90);
    const health = (await app.inject("/healthz")).json();
    expect(health).toMatchObject({
      status: "degraded",
      poller: { enabled: true, lagSeconds: 90, consecutiveFailures: 4, unfinishedRuns: 1 },
    });
    expect((await app.inject("/metrics")).body).toContain("qac_status_poller_lag_seconds 90");

    sim.faults.clear();
    await poller().pollOnce();
    expect(poller().state()).toMatchObject({
      consecutiveFailures: 0,
      nextDelayMs: 1000,
      lagSeconds: 0,
      lastError: null,
    });
    expect((await app.inject("/healthz")).json().status).toBe("ok");
  });

  it("polls by itself once started and stops when the server closes", async () => {
    await app.close();
    app = testServer({ qac: { client }, poller: { intervalMs: 20 }, now: () => sim.clock.now() });
    const id = await startRun(3101);
    // A run that never finishes keeps the poller asking until the server closes.
    const [stuck] = sim.runs.insertMany(1001, [{ testId: 3102, hostId: 101, status: "Awaiting Run" }]);
    await record([{ runId: id }, { runId: stuck! }]);
    await app.ready();
    await sim.clock.advance(30 * 60_000);
    await expect.poll(async () => (await statuses())[0] ?? "", { timeout: 5000 }).toBe("Passed");
    const before = sim.counters.get(LIST);
    await expect.poll(() => sim.counters.get(LIST), { timeout: 5000 }).toBeGreaterThan(before);
    expect(poller().state().running).toBe(true);
    await app.close();
    const calls = sim.counters.get(LIST);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sim.counters.get(LIST)).toBe(calls);
    app = testServer();
  });
});
