import { createClock, type ClockMode, type InternalClock } from "./clock/create-clock.js";
import { FaultInjector, type FaultRule } from "./http/fault-injector.js";
import { createRequestCounters } from "./http/request-counters.js";
import type { DuplicateRunMode } from "./runs/create-run.js";
import type { Strictness } from "./resolve-strictness.js";
import { RunEngine } from "./runs/run-engine.js";
import { seedRuns } from "./runs/seed-runs.js";
import type { SeedDocument } from "./seed/seed-document.js";
import { buildTenant, clockStartOf } from "./tenant/build-tenant.js";
import type { Tenant } from "./tenant/tenant.js";

/** Everything the routes share: the tenant, its fake agents, the clock, faults and counters. */
export interface Runtime {
  tenant: Tenant;
  engine: RunEngine;
  clock: InternalClock;
  faults: FaultInjector;
  counters: ReturnType<typeof createRequestCounters>;
  duplicateRunMode: DuplicateRunMode;
  /** How strict and irregular the server is (reference §13). */
  strictness: Strictness;
  /** Applies every lifecycle event due by now; called before each request is handled. */
  sync(): void;
}

/** Inputs of {@link createRuntime}. */
export interface RuntimeOptions {
  seed: SeedDocument;
  /** Shown in seed error messages. */
  seedFile: string;
  clock: ClockMode;
  duplicateRunMode: DuplicateRunMode;
  faults: readonly FaultRule[];
  faultSeed: number;
  strictness: Strictness;
}

/** Builds the tenant from the seed, plays its run history and wires the clock to the agents. */
export function createRuntime(options: RuntimeOptions): Runtime {
  const clock = createClock(options.clock, clockStartOf(options.seed));
  const tenant = buildTenant(options.seed, clock.nowMs());
  const engine = new RunEngine(tenant);
  seedRuns(tenant, engine, options.seed, clock.nowMs(), options.seedFile);
  clock.onAdvance((now) => engine.tick(now));
  const faults = new FaultInjector();
  faults.set(options.faults, options.faultSeed);
  return {
    tenant,
    engine,
    clock,
    faults,
    counters: createRequestCounters(),
    duplicateRunMode: options.duplicateRunMode,
    strictness: options.strictness,
    sync: () => engine.tick(clock.nowMs()),
  };
}
