/**
 * `pnpm bench status-server`:
 * 1. requests per second of GET /api/v1/plans with 1,000 plans and 100,000 runs stored, next to
 *    a bare fastify route answering the same JSON from memory (the ratio is our overhead);
 * 2. time for the poller to refresh 10,000 unfinished runs against the simulator with 20 ms
 *    latency per request, and the calls it made next to the minimum (one per Id-in batch).
 */
import { Agent, request } from "node:http";
import { chunkInFilters, createClient } from "@qac/core";
import { startSimulator } from "@qac/simulator";
import type { ApplyReport } from "@qac/schemas";
import { buildServer, createPoller, openSqliteStore } from "@qac/status-server";
import Fastify from "fastify";
import { result, type BenchResult, type BenchSuite } from "../../../bench/types.js";

const TOKEN = "bench-token-0123456789abcdef";
const DURATION_MS = 2000;
const CONNECTIONS = 16;

function applyReport(plan: string, runs: number, firstRunId: number, status: string): ApplyReport {
  return {
    version: 1,
    plan: { name: plan, file: `plans/${plan}.yaml` },
    project: { id: 1001, name: "Web Shop" },
    applyIdentity: null,
    startedAt: "2026-12-01T09:00:00.000Z",
    finishedAt: "2026-12-01T09:00:05.000Z",
    status: "succeeded",
    ci: null,
    user: "bench",
    summary: { created: runs, satisfied: 0, failed: 0, notStarted: 0 },
    runs: Array.from({ length: runs }, (_, i) => ({
      identity: `test:${i}`,
      runKey: `test:${i}`,
      kind: "test" as const,
      testId: 3101,
      testSetId: null,
      title: `Test ${i}`,
      configuration: { id: 1, title: "Chrome" },
      release: { id: 1, title: "1.0", path: "Web Shop 1.0" },
      host: { id: 101, name: "build-agent-01" },
      decision: "create",
      outcome: "created",
      runId: firstRunId + i,
      reason: "bench",
      status: i % 3 === 0 ? "Failed" : status,
    })),
  };
}

/** Requests per second of GET `url` with keep-alive connections for a fixed time. */
async function measureRps(url: string): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const get = () =>
    new Promise<void>((resolve, reject) => {
      request(url, { agent }, (res) => {
        res.on("data", () => undefined);
        res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
      })
        .on("error", reject)
        .end();
    });
  for (let i = 0; i < 50; i++) await get(); // warm up
  let done = 0;
  const end = performance.now() + DURATION_MS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        await get();
        done++;
      }
    }),
  );
  agent.destroy();
  return done / ((performance.now() - started) / 1000);
}

async function plansThroughput(): Promise<BenchResult[]> {
  const store = openSqliteStore(":memory:");
  for (let p = 0; p < 1000; p++)
    store.applies.insert(
      applyReport(`plan-${String(p).padStart(4, "0")}`, 100, 1_000_000 + p * 100, "Passed"),
      new Date(),
    );
  const coldStart = performance.now();
  const plans = store.applies.plans();
  const coldMs = performance.now() - coldStart;
  const app = buildServer({ store, token: TOKEN });
  const ours = await app.listen({ port: 0, host: "127.0.0.1" });
  const bare = Fastify();
  const body = { plans };
  bare.get("/api/v1/plans", (_request, reply) => void reply.send(body));
  const baseline = await bare.listen({ port: 0, host: "127.0.0.1" });
  // Alternate the two so machine noise hits both alike.
  let bareRps = 0;
  let ourRps = 0;
  for (let round = 0; round < 2; round++) {
    bareRps += (await measureRps(`${baseline}/api/v1/plans`)) / 2;
    ourRps += (await measureRps(`${ours}/api/v1/plans`)) / 2;
  }
  await app.close();
  await bare.close();
  return [
    result("status-server.plans-rps", ourRps, "req/s", {
      name: "bare fastify route, same JSON from memory",
      value: bareRps,
    }),
    result("status-server.plans-cold-query", coldMs, "ms", null),
  ];
}

async function pollerRefresh(): Promise<BenchResult[]> {
  const sim = await startSimulator({ clock: "virtual" });
  const runIds = sim.runs.insertMany(
    1001,
    Array.from({ length: 10_000 }, () => ({ testId: 3102, hostId: 101, status: "Awaiting Run" as const })),
  );
  const store = openSqliteStore(":memory:");
  for (let p = 0; p < 10; p++) {
    const report = applyReport(`poll-${p}`, 1000, 0, "Awaiting Run");
    report.runs.forEach((run, i) => Object.assign(run, { runId: runIds[p * 1000 + i]!, status: "Awaiting Run" }));
    store.applies.insert(report, new Date());
  }
  sim.faults.set([{ latencyMs: 20 }]);
  const client = createClient({ baseUrl: sim.url, username: "demo@qac.example", password: "demo" });
  const poller = createPoller({ client, store: store.runStatus });
  const minimum = chunkInFilters("Id", runIds).length;
  sim.counters.reset();
  const started = performance.now();
  const cycle = await poller.pollOnce();
  const ms = performance.now() - started;
  if (cycle.error || cycle.runs !== 10_000) throw new Error(`poll failed: ${cycle.error ?? `${cycle.runs} runs`}`);
  const calls = sim.counters.total();
  await client.close();
  await sim.close();
  store.close();
  return [
    result(
      "status-server.poller-refresh-10k",
      ms,
      "ms",
      { name: "minimum calls one after another at 20 ms", value: minimum * 20 },
      calls,
    ),
    result(
      "status-server.poller-calls-10k",
      calls,
      "calls",
      { name: "minimum (one per Id-in batch)", value: minimum },
      calls,
    ),
  ];
}

const suite: BenchSuite = {
  name: "status-server",
  description:
    "plans endpoint throughput with 1,000 plans / 100,000 runs vs bare fastify; poller refresh of 10,000 runs at 20 " +
    "ms latency",
  async run() {
    return [...(await plansThroughput()), ...(await pollerRefresh())];
  },
};
export default suite;
