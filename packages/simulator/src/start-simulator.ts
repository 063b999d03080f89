import type { FastifyInstance } from "fastify";
import { buildServer } from "./build-server.js";
import type { ClockMode, SimulatorClock } from "./clock/create-clock.js";
import { SimulatorError } from "./errors.js";
import { compileFilter } from "./filter/compile-filter.js";
import type { FaultRule } from "./http/fault-injector.js";
import type { RequestCounters } from "./http/request-counters.js";
import { DUPLICATE_RUN_MODES, type DuplicateRunMode } from "./runs/create-run.js";
import { insertMany, type BulkRun } from "./runs/insert-many.js";
import { resolveStrictness, type StrictnessOptions } from "./resolve-strictness.js";
import { createRuntime } from "./runtime.js";
import { DEFAULT_SEED_PATH } from "./seed/default-seed.js";
import { loadSeedFile } from "./seed/load-seed.js";
import type { SeedDocument } from "./seed/seed-document.js";
import { validateSeed } from "./seed/validate-seed.js";
import { SeedError } from "./errors.js";
import { FIELDS } from "./tenant/entity-fields.js";
import type { RunItemRow, RunRow } from "./tenant/wire-types.js";

/**
 * Options of {@link startSimulator} and {@link createSimulator}. The strictness options
 * (`strict`, `errorBodies`, ...) make it behave like the real QAComplete where the reference says
 * it is stricter or more irregular than the simulator's lenient default (reference §13).
 */
export interface SimulatorOptions extends StrictnessOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /**
   * Path of a seed YAML file, or a parsed seed document.
   * @default the demo tenant (`demo-seed.yaml` in this package)
   */
  seed?: string | SeedDocument;
  /** `virtual` time only moves with `clock.advance()`. @default "real" */
  clock?: ClockMode;
  /** POST testruns while a matching run is active (reference §11.1). @default "same-test" */
  duplicateRunMode?: DuplicateRunMode;
  /** Injected latency and errors. @default [] */
  faults?: FaultRule[];
  /** Seed of the fault dice. @default 0 */
  faultSeed?: number;
  /**
   * How much faster than their nominal duration tests run (the seed's `simulation.speed`): 100
   * finishes a 60 s test in 0.6 s of wall time; `run_time` still reports 60. @default the seed's
   */
  speed?: number;
  /** Log requests with fastify's logger. @default false */
  logger?: boolean;
}

/** Direct access to the tenant's runs, for tests and benchmarks. */
export interface SimulatorRuns {
  /** Runs of a project (optionally filtered with the filter language), ordered by id. */
  list(projectId: number, filter?: string): RunRow[];
  get(runId: number): RunRow | undefined;
  /** Items of a run in sequence order. */
  items(runId: number): RunItemRow[];
  /** Inserts many finished (or any `status`) runs quickly; they do not progress. Returns their ids. */
  insertMany(projectId: number, runs: readonly BulkRun[]): number[];
  /** Number of runs in all projects. */
  count(): number;
}

/** Direct access to the test hosts. */
export interface SimulatorHosts {
  /**
   * Turns a host on or off; an inactive host starts no further tests and new runs on it are refused (400); reactivating
   * it lets its runs continue.
   */
  setActive(hostId: number, active: boolean): void;
}

/** A running simulator. */
export interface Simulator {
  /**
   * Server root, e.g. "http://127.0.0.1:41234"; the API lives under `${url}/rest-api/service/...`. Empty until
   * listening.
   */
  url: string;
  /** The fastify app, for `app.inject()` in tests. */
  app: FastifyInstance;
  clock: SimulatorClock;
  faults: { set(rules: FaultRule[], seed?: number): void; clear(): void };
  counters: RequestCounters;
  runs: SimulatorRuns;
  hosts: SimulatorHosts;
  close(): Promise<void>;
}

function resolveSeed(seed: SimulatorOptions["seed"]): { doc: SeedDocument; file: string } {
  if (seed === undefined || typeof seed === "string") {
    const file = seed ?? DEFAULT_SEED_PATH;
    return { doc: loadSeedFile(file), file };
  }
  const result = validateSeed(seed);
  if (!result.ok) throw new SeedError("<seed option>", result.problems);
  return { doc: result.seed, file: "<seed option>" };
}

function checkOptions(options: SimulatorOptions): void {
  const modes: readonly string[] = DUPLICATE_RUN_MODES;
  if (options.duplicateRunMode !== undefined && !modes.includes(options.duplicateRunMode))
    throw new SimulatorError(
      "SIM_OPTIONS",
      `duplicateRunMode must be one of ${modes.join(", ")}, got ${String(options.duplicateRunMode)}`,
    );
  if (options.clock !== undefined && options.clock !== "real" && options.clock !== "virtual")
    throw new SimulatorError("SIM_OPTIONS", `clock must be "real" or "virtual", got ${String(options.clock)}`);
  if (options.port !== undefined && !(Number.isInteger(options.port) && options.port >= 0 && options.port <= 65535))
    throw new SimulatorError("SIM_OPTIONS", `port must be a whole number 0..65535, got ${options.port}`);
  if (options.speed !== undefined && !(Number.isFinite(options.speed) && options.speed > 0))
    throw new SimulatorError("SIM_OPTIONS", `speed must be a number above 0, got ${String(options.speed)}`);
}

/**
 * Builds a simulator without listening (use `sim.app.inject()`); `startSimulator` also listens.
 * @throws SeedError for an invalid seed, SimulatorError (`SIM_OPTIONS`) for bad options
 */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  checkOptions(options);
  const strictness = resolveStrictness(options);
  const { doc, file } = resolveSeed(options.seed);
  const speed = options.speed;
  const rt = createRuntime({
    seed: speed === undefined ? doc : { ...doc, simulation: { ...doc.simulation, speed } },
    seedFile: file,
    clock: options.clock ?? "real",
    duplicateRunMode: options.duplicateRunMode ?? "same-test",
    faults: options.faults ?? [],
    faultSeed: options.faultSeed ?? 0,
    strictness,
  });
  const app = buildServer(rt, { logger: options.logger ?? false });
  const { tenant } = rt;
  return {
    url: "",
    app,
    clock: { now: () => rt.clock.now(), advance: (ms) => rt.clock.advance(ms) },
    faults: {
      set: (rules, seed) => rt.faults.set(rules, seed ?? options.faultSeed ?? 0),
      clear: () => rt.faults.clear(),
    },
    counters: rt.counters,
    runs: {
      list: (projectId, filter) => {
        rt.sync();
        const compiled = filter === undefined ? undefined : compileFilter(filter, FIELDS.run);
        return tenant.runs.query({
          filter: compiled,
          scope: { project_id: projectId },
          offset: 0,
          limit: Number.MAX_SAFE_INTEGER,
        }).rows;
      },
      get: (runId) => (rt.sync(), tenant.runs.get(runId)),
      items: (runId) => (rt.sync(), tenant.itemsOf(runId)),
      insertMany: (projectId, runs) => insertMany(tenant, projectId, runs, rt.clock.nowMs()),
      count: () => tenant.runs.size,
    },
    hosts: {
      setActive(hostId, active) {
        const host = tenant.hosts.get(hostId);
        if (!host) throw new SimulatorError("SIM_OPTIONS", `No host with id ${hostId}`);
        host["is_active"] = active;
        if (active) rt.engine.wake(rt.clock.nowMs());
      },
    },
    close: () => app.close(),
  };
}

/**
 * Starts a fake QAComplete server.
 * @example
 * const sim = await startSimulator({ clock: "virtual" });
 * const res = await fetch(`${sim.url}/rest-api/service/api/v1/projects`, {
 *   headers: { authorization: "Basic " + btoa("demo@qac.example:demo") },
 * });
 * await sim.close();
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const sim = createSimulator(options);
  await sim.app.listen({ port: options.port ?? 0, host: options.host ?? "127.0.0.1" });
  const address = sim.app.server.address();
  const port = typeof address === "object" && address !== null ? address.port : (options.port ?? 0);
  const host = (options.host ?? "127.0.0.1").includes(":") ? `[${options.host}]` : (options.host ?? "127.0.0.1");
  sim.url = `http://${host}:${port}`;
  return sim;
}
