/**
 * `pnpm bench planner`: validating a 10,000-entry plan (time, peak memory) next to a bare `yaml`
 * parse of the same file, and resolving it against the simulator with 20 ms latency per request
 * (calls made vs the fewest possible, and time).
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@qac/core";
import { loadPlan, resolvePlan } from "@qac/planner";
import { DEFAULT_SEED_PATH, loadSeedFile, startSimulator } from "@qac/simulator";
import { parse } from "yaml";
import { result, type BenchResult, type BenchSuite } from "../../../bench/types.js";
import { generatePlan } from "./generate-plan.js";

const ENTRIES = 10_000;
const LATENCY_MS = 20;

async function median(times: number, task: () => unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await task();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

function child(mode: "yaml" | "validate", file: string): { ms: number; peakRssMiB: number; growthMiB: number } {
  const script = fileURLToPath(new URL("./measure-child.ts", import.meta.url));
  const out = execFileSync(process.execPath, ["--import", "tsx", script, mode, file], {
    cwd: fileURLToPath(new URL(".", import.meta.url)),
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").pop()!) as { ms: number; peakRssMiB: number; growthMiB: number };
}

const suite: BenchSuite = {
  name: "planner",
  description: `validate and resolve a ${ENTRIES.toLocaleString("en")}-entry plan`,
  async run(): Promise<BenchResult[]> {
    const { text, tests } = generatePlan(ENTRIES);
    const dir = await mkdtemp(join(tmpdir(), "qac-bench-"));
    const file = join(dir, "plan.yaml");
    await writeFile(file, text);

    const check = await loadPlan(file, { env: {} });
    if (!check.ok) throw new Error(`generated plan is invalid: ${check.diagnostics[0]?.message}`);
    const yamlMs = await median(5, () => parse(text));
    const validateMs = await median(5, () => loadPlan(file, { env: {} }));
    const yamlMem = child("yaml", file);
    const validateMem = child("validate", file);

    const seed = loadSeedFile(DEFAULT_SEED_PATH);
    (seed.projects[0]!.tests ??= []).push(...tests);
    const sim = await startSimulator({ port: 0, clock: "virtual", seed, faults: [{ latencyMs: LATENCY_MS }] });
    const client = createClient({ baseUrl: sim.url, username: "demo@qac.example", password: "demo", retry: false });
    try {
      // Baseline: one request's round trip, times the three that must follow each other
      // (project, then the first page of each list, then the remaining pages).
      const roundTrip = await median(5, () => client.projects.list({ limit: 1000 }));
      await resolvePlan(check.plan, client); // warm-up: JIT and the simulator's first pages
      client.resetStats();
      const t0 = performance.now();
      const resolved = await resolvePlan(check.plan, client);
      const resolveMs = performance.now() - t0;
      if (!resolved.ok) throw new Error(`resolve failed: ${resolved.diagnostics[0]?.message}`);
      const { calls } = resolved.resolved;
      return [
        result("planner.validate-10k.time", validateMs, "ms", { name: "yaml parse", value: yamlMs }),
        result("planner.validate-10k.peak-rss", validateMem.peakRssMiB, "MiB", {
          name: "yaml parse peak RSS",
          value: yamlMem.peakRssMiB,
        }),
        result("planner.validate-10k.rss-growth", validateMem.growthMiB, "MiB", {
          name: "yaml parse RSS growth",
          value: yamlMem.growthMiB,
        }),
        result(
          "planner.resolve-10k.calls",
          calls.total,
          "calls",
          { name: "minimum calls", value: calls.minimum },
          calls.total,
        ),
        result(
          "planner.resolve-10k.time",
          resolveMs,
          "ms",
          { name: "3 dependent round trips", value: 3 * roundTrip },
          calls.total,
        ),
      ];
    } finally {
      await client.close();
      await sim.close();
    }
  },
};

export default suite;
