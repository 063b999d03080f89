/**
 * `pnpm bench simulator`: request throughput of the simulator over real HTTP with 100,000 runs in
 * one project, each compared with a bare fastify route on the same machine answering a JSON body
 * of similar size (the ceiling for any fastify server here).
 */
import fastify from "fastify";
import { startSimulator, type BulkRun } from "@qac/simulator";
import { result, type BenchResult, type BenchSuite } from "../../../bench/types.js";

const RUNS = 100_000;
const CONCURRENCY = 16;
const AUTH = `Basic ${Buffer.from("demo@qac.example:demo").toString("base64")}`;
const JSON_HEADERS = { authorization: AUTH, accept: "application/json", "content-type": "application/json" };

/** Sends `count` requests, `CONCURRENCY` at a time; returns requests per second. */
async function throughput(count: number, send: (i: number) => Promise<Response>): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const response = await send(next++);
      if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return count / ((performance.now() - t0) / 1000);
}

/** A bare fastify server whose routes answer canned JSON like the simulator's. */
async function startBaseline(runBody: string, pageBody: string) {
  const app = fastify();
  app.post("/run", (_request, reply) => reply.type("application/json").send(runBody));
  app.get("/page", (_request, reply) => reply.type("application/json").send(pageBody));
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

const suite: BenchSuite = {
  name: "simulator",
  description:
    `simulator create and filtered-list throughput at ${RUNS.toLocaleString("en")} runs in one project ` +
    `vs a bare fastify route`,
  async run(): Promise<BenchResult[]> {
    const sim = await startSimulator({ clock: "real" });
    const tests = [3101, 3102, 3104, 3141, 3142, 3143, 3181, 3182];
    const bulk: BulkRun[] = Array.from({ length: RUNS }, (_, i) => ({
      testId: tests[i % tests.length],
      testConfigId: 801 + (i % 4),
      releaseId: i % 3 === 0 ? 903 : 904,
      status: i % 10 === 1 ? "Failed" : "Passed",
    }));
    const t0 = performance.now();
    sim.runs.insertMany(1001, bulk);
    const insertMs = performance.now() - t0;

    const api = `${sim.url}/rest-api/service/api/v2/projects/1001/testruns`;
    const indexed = encodeURIComponent("(TestConfigId = 802) AND (ReleaseId = 904) AND (StatusCode = 'Failed')");
    const scanned = encodeURIComponent("(RunTime > 10) AND (NbrFailed > 0 OR Id < 50)");
    const sampleRun = await (
      await fetch(api, {
        method: "POST",
        headers: JSON_HEADERS,
        body: JSON.stringify({ TestId: 3101, RunByHostId: 101, ForceNewRunCreation: true }),
      })
    ).text();
    const samplePage = await (await fetch(`${api}?Filter=${indexed}`, { headers: JSON_HEADERS })).text();
    const baseline = await startBaseline(sampleRun, samplePage);
    try {
      const createCount = 3000;
      const listCount = 3000;
      // Warm up both servers so JIT state is comparable.
      await throughput(300, () => fetch(`${baseline.url}/page`));
      await throughput(300, () => fetch(`${api}?limit=25&Filter=${indexed}`, { headers: JSON_HEADERS }));

      sim.counters.reset();
      const list = await throughput(listCount, () =>
        fetch(`${api}?limit=25&Filter=${indexed}`, { headers: JSON_HEADERS }),
      );
      const listCalls = sim.counters.total();
      const baselineList = await throughput(listCount, () => fetch(`${baseline.url}/page`));

      sim.counters.reset();
      const scanCount = 300;
      const scan = await throughput(scanCount, () =>
        fetch(`${api}?limit=25&Filter=${scanned}`, { headers: JSON_HEADERS }),
      );
      const scanCalls = sim.counters.total();

      // Creates last: every new run keeps the fake agents busy for the rest of the process.
      sim.counters.reset();
      const create = await throughput(createCount, (i) =>
        fetch(api, {
          method: "POST",
          headers: JSON_HEADERS,
          body: JSON.stringify({
            TestId: tests[i % tests.length],
            RunByHostId: 101,
            TestConfigId: 801,
            ForceNewRunCreation: true,
          }),
        }),
      );
      const createCalls = sim.counters.total();
      const baselineCreate = await throughput(createCount, () =>
        fetch(`${baseline.url}/run`, { method: "POST", headers: JSON_HEADERS, body: "{}" }),
      );

      return [
        result(
          "simulator.create-throughput",
          create,
          "req/s",
          { name: "bare fastify POST, same-size JSON", value: baselineCreate },
          createCalls,
        ),
        result(
          "simulator.filtered-list-throughput",
          list,
          "req/s",
          { name: "bare fastify GET, same-size JSON", value: baselineList },
          listCalls,
        ),
        result(
          "simulator.scan-filter-throughput",
          scan,
          "req/s",
          { name: "indexed filtered list (above)", value: list },
          scanCalls,
        ),
        result("simulator.bulk-insert", RUNS / (insertMs / 1000), "runs/s", null, null),
      ];
    } finally {
      await baseline.close();
      await sim.close();
    }
  },
};

export default suite;
