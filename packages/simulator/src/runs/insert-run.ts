import { formatDate, formatRunTime, MIN_DATE } from "../store/format-date.js";
import type { Tenant } from "../tenant/tenant.js";
import type { ItemStatus, RunItemRow, RunRow, RunStatus } from "../tenant/wire-types.js";
import { deriveRun } from "./derive-run.js";

/** One test of a run to create. */
export interface ItemSpec {
  testId: number;
  isStoppedOnFail: boolean;
  /** 0 = no host (manual). */
  hostId: number;
}

/** A checked request to create a run: every id exists in the project. */
export interface RunSpec {
  projectId: number;
  /** 0 for a single-test run. */
  testSetId: number;
  /** The test of a single-test run, 0 for a set run. */
  testId: number;
  configId: number;
  releaseId: number;
  /** The host from the request (0 = none). */
  hostId: number;
  userId: number;
  isSequential: boolean;
  executionType: string;
  items: ItemSpec[];
}

const titleOf = (row: Record<string, unknown> | undefined) => (typeof row?.["title"] === "string" ? row["title"] : "");

/** Final item results for runs inserted in bulk (they skip the agents). */
export interface InitialResults {
  /** Status of item i (by index). */
  statusOf(index: number): ItemStatus;
  runTimeSeconds: number;
  status: RunStatus;
}

/**
 * Stores a new run with one item per test (`sequence_number` 1..n), all Awaiting Run, like the
 * SOAP `TestRun.Add` the REST create is built on (reference §3.1).
 * @param id use this id (seeded runs); a fresh one otherwise
 * @param initial results to store right away (bulk inserts), instead of Awaiting Run
 */
export function insertRun(
  tenant: Tenant,
  spec: RunSpec,
  nowMs: number,
  id = tenant.nextRunId(),
  initial?: InitialResults,
): RunRow {
  const setName = titleOf(tenant.testSets.get(spec.testSetId));
  const configName = titleOf(tenant.configurations.get(spec.configId));
  const releaseName = titleOf(tenant.releases.get(spec.releaseId));
  const user = tenant.users.get(spec.userId);
  const userName = user ? `${user.seed.last_name}, ${user.seed.first_name} ` : "";
  const hostName = (id: number) => (tenant.hosts.get(id)?.["host_name"] as string | undefined) ?? "";
  const runHost = spec.hostId || spec.items.find((i) => i.hostId)?.hostId || 0;
  const startedText = formatDate(nowMs);

  const items: RunItemRow[] = spec.items.map((item, index) => {
    const test = tenant.tests.get(item.testId);
    const status = initial?.statusOf(index) ?? "Awaiting Run";
    const runTime = status === "Awaiting Run" ? 0 : (initial?.runTimeSeconds ?? 0);
    return {
      id: tenant.nextItemId(),
      test_set_id: spec.testSetId,
      test_set_name: setName,
      project_id: spec.projectId,
      test_run_id: id,
      test_id: item.testId,
      test_name: titleOf(test),
      version: 1,
      sequence_number: index + 1,
      status_code: status,
      run_time: runTime,
      run_time_formated: formatRunTime(runTime),
      is_stopped_on_fail: item.isStoppedOnFail,
      automated: test?.["execution_type"] === "Automated",
      configuration_name: configName,
      test_host: hostName(item.hostId),
      release_id: spec.releaseId,
      release_name: releaseName,
      run_by_user_id: spec.userId,
      folder_name: (test?.["folder_name"] as string | undefined) ?? "",
      test_description: (test?.["description"] as string | undefined) ?? "",
      date_started: MIN_DATE,
      date_finished: status === "Awaiting Run" ? MIN_DATE : formatDate(nowMs + runTime * 1000),
      test_run_started: startedText,
      status_updated_by: 0,
      status_updated_by_user_name: "",
      test_run_results: [],
    };
  });
  for (const [index, item] of items.entries()) {
    tenant.items.insert(item);
    tenant.itemMeta.set(item.id, { hostId: spec.items[index]!.hostId });
  }
  const run: RunRow = {
    id,
    test_set_id: spec.testSetId,
    test_set_name: setName,
    test_config_id: spec.configId,
    configuration_name: configName,
    release_id: spec.releaseId,
    release_name: releaseName,
    project_id: spec.projectId,
    run_by_user_id: spec.userId,
    run_by_user_name: userName,
    is_sequential: spec.isSequential,
    execution_type: spec.executionType,
    // The restart sample shows date_started filled even for a fresh Awaiting Run run (reference
    // §3.3): the simulator sets it at creation and again when a host starts the run.
    date_started: startedText,
    date_finished: MIN_DATE,
    ...deriveRun(items, initial !== undefined && initial.status !== "Awaiting Run"),
    schedule_id: "0",
    test_host: hostName(runHost),
  };
  if (initial) {
    run.status_code = initial.status;
    if (run.nbr_awaiting_run === 0) run.date_finished = formatDate(nowMs + run.run_time * 1000);
  }
  tenant.runs.insert(run);
  tenant.runMeta.set(id, { testId: spec.testId, hostId: spec.hostId, started: false, driven: false });
  if (spec.testId) {
    let ids = tenant.runsByTest.get(spec.testId);
    if (!ids) tenant.runsByTest.set(spec.testId, (ids = new Set()));
    ids.add(id);
  }
  return run;
}
