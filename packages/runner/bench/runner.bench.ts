/**
 * `pnpm bench runner`: qac apply against the simulator.
 * - apply 1,000 new runs at concurrency 16 with 50 ms latency per request, against the ideal
 *   (calls / concurrency x latency);
 * - apply the same plan again: POSTs must be 0; GETs against the minimum the API allows;
 * - a naive baseline creating the same runs one request at a time (the API's documented example);
 * - peak memory of planning and applying 100,000 runs, against a simulator in a child process with
 *   no added latency (50 ms x 100,000 would take hours and measures the network, not qac).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import {
  createClient,
  toProjectId,
  type HostId,
  type QacClient,
  type ReleaseId,
  type TestConfigId,
  type TestId,
} from "@qac/core";
import { runIdentity, type DesiredRun, type ResolvedPlan } from "@qac/planner";
import { applyPlan, diffPlan, observeRunHistory, buildPreview, createLocalRunTestCache } from "@qac/runner";
import { startSimulator, loadSeedFile, DEFAULT_SEED_PATH } from "@qac/simulator";
import { result, type BenchResult, type BenchSuite } from "../../../bench/types.js";

const LATENCY_MS = 50;
// A garbage collection on demand (also without --expose-gc), so "retained" is what stays alive.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const CONCURRENCY = 16;
const PROJECT = toProjectId(1001);
const CONFIGS = [801, 802, 803, 804];
const RELEASES = [903, 904, 905];
const HOSTS: [number, string][] = [
  [101, "build-agent-01"],
  [102, "build-agent-02"],
  [103, "mac-agent-01"],
];

/** Single-test desired runs: every test x configuration x release x host, the first `count`. */
function desiredRuns(testIds: readonly number[], count: number): ResolvedPlan {
  const runs: DesiredRun[] = [];
  outer: for (const testId of testIds)
    for (const cfg of CONFIGS)
      for (const rel of RELEASES)
        for (const [hostId, hostName] of HOSTS) {
          if (runs.length === count) break outer;
          const { identity, identityKey } = runIdentity({
            projectId: PROJECT,
            kind: "test",
            targetId: testId,
            configurationId: cfg,
            releaseId: rel,
            hostId,
          });
          runs.push({
            identity,
            identityKey,
            runKey: `t${testId}/${cfg}/${rel}/${hostId}`,
            entryKey: `t${testId}`,
            projectId: PROJECT,
            kind: "test",
            testId: testId as TestId,
            testSetId: null,
            title: `test ${testId}`,
            folder: null,
            automated: true,
            configuration: { name: String(cfg), id: cfg as TestConfigId, title: String(cfg) },
            release: { name: String(rel), id: rel as ReleaseId, title: String(rel), path: String(rel) },
            host: { name: hostName, id: hostId as HostId, hostName },
            isSequential: false,
            forceNewRun: false,
            sequence: null,
            labels: [],
            origin: { file: "bench.yaml", line: 1, column: 1, path: "" },
            body: {
              TestId: testId as TestId,
              TestConfigId: cfg as TestConfigId,
              ReleaseId: rel as ReleaseId,
              RunByHostId: hostId as HostId,
              IsSequential: false,
              ForceNewRunCreation: true,
            },
          });
        }
  if (runs.length < count) throw new Error(`only ${runs.length} distinct runs available, wanted ${count}`);
  return {
    version: 1,
    file: "bench.yaml",
    files: ["bench.yaml"],
    project: { id: PROJECT, name: "Web Shop" },
    runs,
    plannedRunKeys: runs.map((r) => r.runKey),
    calls: { total: 0, byKind: {}, minimum: 0 },
  };
}

const client = (url: string, connections = CONCURRENCY): QacClient =>
  createClient({ baseUrl: url, username: "demo@qac.example", password: "demo", connections });
const posts = (c: QacClient) => c.stats().byRoute["POST /api/v2/projects/{ProjectId}/testruns"] ?? 0;
const gets = (c: QacClient) => c.callCount() - posts(c);

async function thousandRuns(): Promise<BenchResult[]> {
  const sim = await startSimulator({ port: 0, clock: "virtual", faults: [{ latencyMs: LATENCY_MS }] });
  try {
    const c = client(sim.url);
    const testIds = await collectTests(c);
    const plan = desiredRuns(testIds, 1000);
    let t0 = performance.now();
    const first = await applyPlan(c, plan, { concurrency: CONCURRENCY });
    const applyMs = performance.now() - t0;
    if (first.summary.created !== 1000) throw new Error(`expected 1000 created, got ${JSON.stringify(first.summary)}`);
    const calls = c.callCount();
    const ideal = (calls / CONCURRENCY) * LATENCY_MS;
    c.resetStats();
    t0 = performance.now();
    let minimum = 0;
    const second = await applyPlan(c, plan, {
      concurrency: CONCURRENCY,
      onEvent: (e) => void (e.type === "observed" && (minimum = e.history.calls.minimum)),
    });
    const againMs = performance.now() - t0;
    if (second.summary.satisfied !== 1000 || posts(c) !== 0)
      throw new Error(`re-apply must create nothing: ${JSON.stringify(second.summary)}, ${posts(c)} POSTs`);
    const againGets = gets(c);
    // The same re-apply with the CLI's run-test cache filled by the first apply: no item reads.
    const runTests = createLocalRunTestCache(join(await mkdtemp(join(tmpdir(), "qac-bench-cache-")), "run-tests.json"));
    await observeRunHistory(c, PROJECT, plan.runs, { runTests });
    c.resetStats();
    t0 = performance.now();
    await applyPlan(c, plan, { concurrency: CONCURRENCY, runTests });
    const cachedMs = performance.now() - t0;
    const cachedGets = gets(c);
    await c.close();
    // Naive: the documented example, one POST at a time, on a fresh tenant, with the same bodies.
    const fresh = await startSimulator({ port: 0, clock: "virtual", faults: [{ latencyMs: LATENCY_MS }] });
    const n = client(fresh.url, 1);
    t0 = performance.now();
    for (const run of plan.runs) await n.testRuns.create(PROJECT, { ...run.body, ForceNewRunCreation: true });
    const naiveMs = performance.now() - t0;
    await n.close();
    await fresh.close();
    return [
      result(
        "runner.apply-1000-new.wall",
        applyMs,
        "ms",
        { name: `ideal: ${calls} calls / ${CONCURRENCY} x ${LATENCY_MS} ms`, value: ideal },
        calls,
      ),
      result(
        "runner.apply-1000-new.vs-naive",
        applyMs,
        "ms",
        { name: "naive: one POST at a time", value: naiveMs },
        1000,
      ),
      result("runner.reapply-1000.posts", posts(c), "calls", null, posts(c)),
      result(
        "runner.reapply-1000.gets",
        againGets,
        "calls",
        { name: "minimum GETs (filter pages + one item read per pending single-test run)", value: minimum },
        againGets,
      ),
      result(
        "runner.reapply-1000-cached.gets",
        cachedGets,
        "calls",
        { name: "without the cache", value: againGets },
        cachedGets,
      ),
      result(
        "runner.reapply-1000-cached.wall",
        cachedMs,
        "ms",
        { name: "without the cache", value: againMs },
        cachedGets,
      ),
      result(
        "runner.reapply-1000.wall",
        againMs,
        "ms",
        { name: `ideal: ${againGets} calls / 8 x ${LATENCY_MS} ms`, value: (againGets / 8) * LATENCY_MS },
        againGets,
      ),
    ];
  } finally {
    await sim.close();
  }
}

async function collectTests(c: QacClient): Promise<number[]> {
  const ids: number[] = [];
  for await (const t of c.tests.iterate(PROJECT)) ids.push(t.id);
  return ids;
}

/** Starts the simulator CLI in a child process on a generated seed with `tests` extra tests. */
async function childSimulator(tests: number): Promise<{ url: string; proc: ChildProcess; testIds: number[] }> {
  const seed = loadSeedFile(DEFAULT_SEED_PATH) as unknown as {
    projects: { id: number; tests: { id: number; title: string; folder?: string }[] }[];
  };
  const project = seed.projects.find((p) => p.id === 1001)!;
  const testIds: number[] = [];
  for (let i = 0; i < tests; i += 1) {
    project.tests.push({ id: 500_000 + i, title: `Generated test ${i}`, folder: "Generated" });
    testIds.push(500_000 + i);
  }
  const dir = await mkdtemp(join(tmpdir(), "qac-bench-"));
  const file = join(dir, "seed.yaml");
  await writeFile(file, JSON.stringify(seed)); // JSON is YAML
  const main = fileURLToPath(new URL("../../simulator/dist/main.js", import.meta.url));
  const proc = spawn(process.execPath, [main, "--seed", file, "--port", "0", "--clock", "virtual"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    proc.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    proc.on("exit", (code) => reject(new Error(`simulator exited ${code}: ${out}`)));
  });
  return { url, proc, testIds };
}

async function hundredThousand(): Promise<BenchResult[]> {
  const { url, proc, testIds } = await childSimulator(3_000);
  try {
    const c = client(url);
    gc();
    const base = process.memoryUsage();
    let peakRss = base.rss;
    let peakHeap = base.heapUsed;
    const sample = () => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    };
    const timer = setInterval(sample, 25);
    const plan = desiredRuns(testIds, 100_000);
    let t0 = performance.now();
    const history = await observeRunHistory(c, PROJECT, plan.runs);
    const preview = buildPreview(plan, history, diffPlan(plan.runs, history));
    const planMs = performance.now() - t0;
    sample();
    const planPeak = peakHeap;
    t0 = performance.now();
    const report = await applyPlan(c, plan, { concurrency: CONCURRENCY });
    sample();
    const applyMs = performance.now() - t0;
    clearInterval(timer);
    sample();
    if (preview.summary.create !== 100_000 || report.summary.created !== 100_000)
      throw new Error(`expected 100000 creates: ${JSON.stringify(report.summary)}`);
    const mib = (b: number) => b / 1024 / 1024;
    // What stays alive with the plan and the report of 100,000 runs (peaks above include garbage).
    gc();
    const retained = process.memoryUsage().heapUsed - base.heapUsed;
    await c.close();
    return [
      result("runner.plan-100k.peak-heap", mib(planPeak - base.heapUsed), "MiB", null, history.calls.total),
      result("runner.plan-100k.wall", planMs, "ms", null, history.calls.total),
      result("runner.apply-100k.peak-heap", mib(peakHeap - base.heapUsed), "MiB", null, 100_000 + history.calls.total),
      result("runner.apply-100k.retained-heap", mib(retained), "MiB", null, null),
      result(
        "runner.apply-100k.peak-rss",
        mib(peakRss),
        "MiB",
        { name: "rss before planning", value: mib(base.rss) },
        null,
      ),
      result("runner.apply-100k.wall", applyMs, "ms", null, 100_000),
    ];
  } finally {
    proc.kill();
  }
}

const suite: BenchSuite = {
  name: "runner",
  description:
    "qac apply against the simulator: 1,000 runs at 50 ms latency (vs ideal and naive), re-apply calls, memory for " +
    "100,000 runs",
  async run() {
    return [...(await thousandRuns()), ...(await hundredThousand())];
  },
};
export default suite;
