import { badRequest, notFound } from "../http/http-error.js";
import type { Tenant } from "../tenant/tenant.js";
import type { RunRow } from "../tenant/wire-types.js";
import { ACTIVE_RUN_STATUSES, isActiveRun } from "./derive-run.js";
import { insertRun, type ItemSpec, type RunSpec } from "./insert-run.js";

/**
 * How POST testruns treats a request while a matching run is active (reference §11.1, which asks
 * for two switches: what "matching" means, and whether to answer with the existing run or an error).
 * - `same-test`: same test or set matches; the existing run is returned (the default).
 * - `full-key`: test or set, configuration, release and host must all match; the existing run is returned.
 * - `error`: same test or set matches; 400 "Test is already running".
 * - `full-key-error`: the full key must match; 400 "Test is already running".
 */
export type DuplicateRunMode = (typeof DUPLICATE_RUN_MODES)[number];

/** Every {@link DuplicateRunMode}, for option and flag validation. */
export const DUPLICATE_RUN_MODES = ["same-test", "full-key", "error", "full-key-error"] as const;

const matchesFullKey = (mode: DuplicateRunMode): boolean => mode === "full-key" || mode === "full-key-error";
const answersError = (mode: DuplicateRunMode): boolean => mode === "error" || mode === "full-key-error";

/** The create body after schema validation (PascalCase, reference §3.1). */
export interface CreateRunBody {
  TestId?: number;
  TestSetId?: number;
  TestConfigId?: number;
  ReleaseId?: number;
  RunByHostId?: number;
  IsSequential?: boolean;
  ForceNewRunCreation?: boolean;
}

/** Outcome of a create request: a new run, or the active run that was reused. */
export interface CreateRunResult {
  run: RunRow;
  created: boolean;
}

/** Looks up an entity of the project by id, or answers 404 (reference §11.4). */
function inProject<T extends { project_id: number }>(row: T | undefined, projectId: number): T {
  if (!row || row.project_id !== projectId) throw notFound();
  return row;
}

/**
 * Resolves and checks a create request into a run spec. Unknown test/set/config/release/host → 404,
 * inactive host or configuration → 400 (reference §11.4). The project and the caller's Add right
 * are checked by the route before this runs.
 */
export function resolveRunSpec(tenant: Tenant, projectId: number, userId: number, body: CreateRunBody): RunSpec {
  // Either TestId or TestSetId is required (reference §3.1); the JSON schema cannot say "one of
  // two optional integers that may be 0", so it is checked here.
  if (!body.TestSetId && !body.TestId) throw badRequest("Either TestId or TestSetId is required");
  const configId = body.TestConfigId ?? 0;
  if (configId) {
    const config = inProject(tenant.configurations.get(configId), projectId);
    if (config["is_active"] !== true)
      throw badRequest(`Test configuration ${configId} is inactive: pick an active configuration`);
  }
  const releaseId = body.ReleaseId ?? 0;
  if (releaseId) inProject(tenant.releases.get(releaseId), projectId);
  const hostId = body.RunByHostId ?? 0;
  if (hostId) {
    const host = tenant.hosts.get(hostId);
    if (!host) throw notFound();
    if (host["is_active"] !== true) throw badRequest(`Test host ${hostId} is inactive and cannot run tests`);
  }
  const base = { projectId, configId, releaseId, hostId, userId };
  // If both TestId and TestSetId are given, TestSetId wins (reference §11.4, UNCONFIRMED).
  if (body.TestSetId) {
    const set = inProject(tenant.testSets.get(body.TestSetId), projectId);
    // Only active set items become run items, in `seq` order (reference §11.7). Host per item:
    // the request's host, else the set item's default host, else the test's (reference §11.8).
    const items: ItemSpec[] = (tenant.setItems.get(set.id) ?? [])
      .filter((i) => i["active"] === true)
      .map((i) => {
        const testId = i["test_id"] as number;
        return {
          testId,
          isStoppedOnFail: i["is_stopped_on_fail"] === true,
          hostId: hostId || (i["default_host_id"] as number) || (tenant.testPlans.get(testId)?.defaultHostId ?? 0),
        };
      });
    if (items.length === 0) throw badRequest(`Test set ${set.id} has no active tests to run`);
    return {
      ...base,
      testSetId: set.id,
      testId: 0,
      // IsSequential: the body wins, else the set's value (reference §11.2, SOAP copies it).
      isSequential: body.IsSequential ?? set["is_sequential"] === true,
      // execution_type is copied from the test / test set (reference §11.9).
      executionType: set["execution_type"] as string,
      items,
    };
  }
  const test = inProject(tenant.tests.get(body.TestId!), projectId);
  return {
    ...base,
    testSetId: 0,
    testId: test.id,
    // A single test is not a sequence unless the body says so (reference §11.2).
    isSequential: body.IsSequential ?? false,
    executionType: test["execution_type"] as string,
    items: [
      {
        testId: test.id,
        isStoppedOnFail: false,
        hostId: hostId || (tenant.testPlans.get(test.id)?.defaultHostId ?? 0),
      },
    ],
  };
}

/**
 * Finds an active run that a create request duplicates (reference §11.1): same test (single-test
 * run) or same set in the project, status Awaiting Run / In Progress / Paused; with `full-key` and
 * `full-key-error` also the same configuration, release and requested host.
 */
function findActiveDuplicate(tenant: Tenant, spec: RunSpec, mode: DuplicateRunMode): RunRow | undefined {
  const byTarget = spec.testSetId
    ? tenant.runs.idsWhere("test_set_id", spec.testSetId)
    : (tenant.runsByTest.get(spec.testId) ?? new Set<number>());
  // With a long history, the few active runs are the cheaper side to walk.
  const active = ACTIVE_RUN_STATUSES.map((s) => tenant.runs.idsWhere("status_code", s));
  const activeCount = active.reduce((n, ids) => n + ids.size, 0);
  const candidates =
    activeCount < byTarget.size ? active.flatMap((ids) => [...ids]).filter((id) => byTarget.has(id)) : byTarget;
  let found: RunRow | undefined;
  for (const id of candidates) {
    const run = tenant.runs.get(id);
    const meta = tenant.runMeta.get(id);
    if (!run || !meta || run.project_id !== spec.projectId || !isActiveRun(run.status_code)) continue;
    if (!spec.testSetId && meta.testId !== spec.testId) continue;
    if (
      matchesFullKey(mode) &&
      (run.test_config_id !== spec.configId || run.release_id !== spec.releaseId || meta.hostId !== spec.hostId)
    )
      continue;
    if (!found || run.id < found.id) found = run;
  }
  return found;
}

/** Creates a run, or reuses / refuses a duplicate according to `mode` and `ForceNewRunCreation`. */
export function createRun(
  tenant: Tenant,
  spec: RunSpec,
  body: CreateRunBody,
  mode: DuplicateRunMode,
  nowMs: number,
): CreateRunResult {
  // ForceNewRunCreation = true always creates a new run (reference §3.1, §11.1).
  if (body.ForceNewRunCreation !== true) {
    const existing = findActiveDuplicate(tenant, spec, mode);
    if (existing && answersError(mode)) throw badRequest("Test is already running");
    if (existing) return { run: existing, created: false };
  }
  return { run: insertRun(tenant, spec, nowMs), created: true };
}
