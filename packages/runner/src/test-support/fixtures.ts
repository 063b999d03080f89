import { createClient, type ClientOptions, type QacClient } from "@qac/core";
import { loadPlan, resolvePlan, type ResolvedPlan } from "@qac/planner";
import { startSimulator, type Simulator, type SimulatorOptions } from "@qac/simulator";

/**
 * The simulator modes suites that read lists run under: the lenient default, and strict as the
 * real QAComplete may be (pages capped at 5 rows, undocumented filters refused with 400,
 * ServiceStack error bodies, irregular run objects).
 */
export const SIMULATOR_MODES: { name: string; options: SimulatorOptions }[] = [
  { name: "lenient simulator", options: {} },
  { name: "strict simulator, pages of 5", options: { strict: true, maxPageSize: 5 } },
];

/**
 * Rows a page of a simulator started with `options` holds when `limit` rows are asked for: the
 * page cap when it is lower (strict mode caps at 25 unless `maxPageSize` says otherwise).
 */
export function rowsPerPage(options: SimulatorOptions, limit: number): number {
  return Math.min(limit, options.maxPageSize ?? (options.strict ? 25 : Infinity));
}

/** A simulator on port 0 with the virtual clock, and a demo-user client without real waiting. */
export async function startFixture(
  options: SimulatorOptions = {},
  clientOptions: Partial<ClientOptions> = {},
): Promise<{ sim: Simulator; client: QacClient; close(): Promise<void> }> {
  const sim = await startSimulator({ port: 0, clock: "virtual", ...options });
  const client = createClient({
    baseUrl: sim.url,
    username: "demo@qac.example",
    password: "demo",
    timeoutMs: 5000,
    retry: { sleep: () => Promise.resolve() },
    ...clientOptions,
  });
  return { sim, client, close: async () => (await client.close(), await sim.close()) };
}

const HEADER = `version: 1
project: Web Shop
configurations:
  chrome: "Chrome / Windows 11"
  firefox: "Firefox / Ubuntu 24.04"
  safari: "Safari / macOS 15"
releases:
  build42: "2026.12 / RC1 / Build 42"
hosts:
  windows: build-agent-01
  linux: build-agent-02
defaults:
  releases: build42
  host: windows
entries:
`;

/** Loads and resolves plan entries (YAML under `entries:`) against the simulator's Web Shop. */
export async function resolveEntries(
  client: QacClient,
  entries: string,
  file = "test-plan.yaml",
): Promise<ResolvedPlan> {
  const loaded = await loadPlan({ text: HEADER + entries, file }, { env: {} });
  if (!loaded.ok) throw new Error(`plan did not load: ${JSON.stringify(loaded.diagnostics, null, 2)}`);
  const resolved = await resolvePlan(loaded.plan, client);
  if (!resolved.ok) throw new Error(`plan did not resolve: ${JSON.stringify(resolved.diagnostics, null, 2)}`);
  return resolved.resolved;
}

/** A test × 3 configurations matrix, a set run and a two-step sequence group. */
export const MIXED_ENTRIES = `  - key: search
    test: Search by product name
    configurations: [chrome, firefox, safari]
  - key: checkout
    testSet: Checkout smoke
    configurations: [chrome]
  - key: cart
    test: Change quantity in cart
    configurations: [chrome]
    host: linux
`;

/** Runs of the project created since `sinceId`, grouped by a readable key: count per key. */
export function runsPerKey(sim: Simulator, projectId: number, sinceId: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const run of sim.runs.list(projectId)) {
    if (run.id <= sinceId) continue;
    const testId = run.test_set_id ? 0 : (sim.runs.items(run.id)[0]?.test_id ?? 0);
    const target = run.test_set_id ? `set:${run.test_set_id}` : `test:${testId}`;
    const key = `${target}/cfg:${run.test_config_id}/rel:${run.release_id}/host:${run.test_host}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The highest run id so far (runs created later have larger ids in the simulator). */
export function maxRunId(sim: Simulator, projectId = 1001): number {
  return Math.max(0, ...sim.runs.list(projectId).map((r) => r.id));
}
