import type { Tenant } from "../tenant/tenant.js";
import type { ItemStatus, RunStatus } from "../tenant/wire-types.js";
import { resolveRunSpec } from "./create-run.js";
import { insertRun } from "./insert-run.js";

/** One run for `Simulator.runs.insertMany` (tests and benchmarks). */
export interface BulkRun {
  testId?: number;
  testSetId?: number;
  testConfigId?: number;
  releaseId?: number;
  hostId?: number;
  /** @default the first seeded user */
  runByUserId?: number;
  /** Final state; items get matching statuses. @default "Passed" */
  status?: RunStatus;
  /** @default the simulator's now */
  startedAt?: Date | number;
}

/** Item statuses that produce each run status (first item, then the rest). */
const ITEM_STATUSES: Record<RunStatus, [ItemStatus, ItemStatus]> = {
  "Awaiting Run": ["Awaiting Run", "Awaiting Run"],
  "In Progress": ["Passed", "Awaiting Run"],
  Paused: ["Passed", "Awaiting Run"],
  Passed: ["Passed", "Passed"],
  Failed: ["Failed", "Passed"],
  Blocked: ["Blocked", "Passed"],
  Incomplete: ["Skipped", "Passed"],
};

/**
 * Inserts many runs at once, bypassing HTTP and the fake agents (the runs do not progress). Ids
 * are checked like a create request. Item statuses are set so the derived run status is `status`.
 * @returns the new run ids, in order
 */
export function insertMany(tenant: Tenant, projectId: number, runs: readonly BulkRun[], nowMs: number): number[] {
  const defaultUser = tenant.users.keys().next().value ?? 0;
  const ids: number[] = [];
  for (const bulk of runs) {
    const spec = resolveRunSpec(tenant, projectId, bulk.runByUserId ?? defaultUser, {
      TestId: bulk.testId,
      TestSetId: bulk.testSetId,
      TestConfigId: bulk.testConfigId,
      ReleaseId: bulk.releaseId,
      RunByHostId: bulk.hostId,
    });
    const started = bulk.startedAt === undefined ? nowMs : new Date(bulk.startedAt).getTime();
    const status = bulk.status ?? "Passed";
    const [first, rest] = ITEM_STATUSES[status];
    const run = insertRun(tenant, spec, started, tenant.nextRunId(), {
      status,
      runTimeSeconds: 30,
      statusOf: (i) => (i === 0 ? first : rest),
    });
    ids.push(run.id);
  }
  return ids;
}
