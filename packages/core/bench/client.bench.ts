/**
 * Client overhead per request: @qac/core against a bare undici request to the same simulator
 * route in the same run (zero injected latency). The ratio is what travels between machines.
 */
import { Pool } from "undici";
import { startSimulator } from "@qac/simulator";
import { createClient, toProjectId, toTestRunId } from "@qac/core";
import { result, type BenchResult, type BenchSuite } from "../../../bench/types.js";

const N = 500;
const ROUNDS = 7;
const AUTH = `Basic ${Buffer.from("demo@qac.example:demo").toString("base64")}`;

/** Median of per-round µs/request, rounds alternating between the two contestants. */
async function compare(
  client: () => Promise<unknown>,
  bare: () => Promise<unknown>,
): Promise<{ client: number; bare: number }> {
  const times = { client: [] as number[], bare: [] as number[] };
  for (let i = 0; i < 1500; i += 1) {
    await client();
    await bare();
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, fn] of [
      ["client", client],
      ["bare", bare],
    ] as const) {
      const start = performance.now();
      for (let i = 0; i < N; i += 1) await fn();
      times[name].push(((performance.now() - start) * 1000) / N);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { client: median(times.client), bare: median(times.bare) };
}

const suite: BenchSuite = {
  name: "client",
  description:
    "µs per request through @qac/core vs a bare undici request (sequential GET of one run; one list page of 100 runs)",
  async run(): Promise<BenchResult[]> {
    const sim = await startSimulator({ clock: "virtual" });
    const client = createClient({ baseUrl: sim.url, username: "demo@qac.example", password: "demo", connections: 1 });
    const pool = new Pool(sim.url, { connections: 1 });
    const project = toProjectId(1001);
    sim.runs.insertMany(
      1001,
      Array.from({ length: 1000 }, () => ({ testId: 3101 })),
    );
    const bareGet = async (path: string) => {
      const res = await pool.request({
        path,
        method: "GET",
        headers: { authorization: AUTH, accept: "application/json" },
      });
      return JSON.parse(await res.body.text()) as unknown;
    };
    try {
      const get = await compare(
        () => client.testRuns.get(project, toTestRunId(120001)),
        () => bareGet("/rest-api/service/api/v2/projects/1001/testruns/120001"),
      );
      const list = await compare(
        () => client.testRuns.list(project, { offset: 100, limit: 100 }),
        () => bareGet("/rest-api/service/api/v2/projects/1001/testruns?offset=100&limit=100"),
      );
      const calls = client.callCount();
      return [
        result("core.client.get-run", get.client, "µs/request", { name: "bare undici", value: get.bare }, calls),
        result("core.client.list-page-100", list.client, "µs/request", { name: "bare undici", value: list.bare }, null),
      ];
    } finally {
      await client.close();
      await pool.close();
      await sim.close();
    }
  },
};

export default suite;
