import type {
  ProjectId,
  ReleaseId,
  TestConfigId,
  TestId,
  TestRunId,
  TestRunItemId,
  TestSetId,
  UserId,
  HostId,
} from "../ids.js";
import type { QacDateString } from "./envelope.js";

/** Run `status_code` values (SOAP TestRun object); choice lists may add others. */
export type RunStatus =
  "Awaiting Run" | "In Progress" | "Passed" | "Failed" | "Paused" | "Blocked" | "Incomplete" | (string & {});
/** Run item `status_code` values (SOAP TestRunItem, agents' `NA`); projects' choice lists add others. */
export type ItemStatus = "Awaiting Run" | "Passed" | "Failed" | "Blocked" | "Skipped" | "NA" | (string & {});
/** Step result `status_code` values (SOAP TestRunResult). */
export type StepStatus = "Awaiting Run" | "Passed" | "Failed" | "Blocked" | (string & {});
/** REST samples say `"Automated"`, tests use `"Manual"`, SOAP says `"Auto"`: accept all. */
export type ExecutionType = "Automated" | "Manual" | "Auto" | (string & {});

/**
 * A test run as returned by GET/POST testruns and restart (v2, reference §3.3).
 * @see https://support.smartbear.com/qacomplete/docs/developer/api/rest/api/reference/testruns/id-get.html
 */
export interface TestRun {
  id: TestRunId;
  /** `0` for a single-test run. */
  test_set_id: TestSetId | 0;
  test_set_name?: string;
  /** Absent (not 0) on real runs without a configuration (reference §13). */
  test_config_id?: TestConfigId | 0;
  configuration_name?: string;
  /** `0` = none. */
  release_id: ReleaseId | 0;
  release_name?: string;
  project_id: ProjectId;
  run_by_user_id?: UserId;
  /** "Last, First " (the API keeps a trailing space). */
  run_by_user_name?: string;
  is_sequential?: boolean;
  status_code: RunStatus;
  execution_type?: ExecutionType;
  date_started?: QacDateString;
  date_finished?: QacDateString;
  nbr_tests?: number;
  nbr_passed?: number;
  nbr_failed?: number;
  nbr_blocked?: number;
  nbr_awaiting_run?: number;
  /** Seconds. */
  run_time?: number;
  /** `"hh:mm:ss"`; the misspelling is the wire format. */
  run_time_formated?: string;
  /** A string on the wire (`"0"`). */
  schedule_id?: string;
  /** Host name; `""` on manual runs (reference §13). */
  test_host?: string;
}

/** One step result inside a run item (`test_run_results[]`). */
export interface TestRunResult {
  id: number;
  test_run_item_id?: TestRunItemId;
  seq?: number;
  is_stopped_on_fail?: boolean;
  status_code?: StepStatus;
  step?: string;
  expected_result?: string;
  actual_result?: string;
  test_step_id?: number;
  project_id?: ProjectId;
  is_tokenized?: boolean;
}

/**
 * A run item (one per test of the run), reference §3.6. Fields past `test_name` are from
 * third-party models and may be absent.
 */
export interface TestRunItem {
  id: TestRunItemId;
  test_set_id?: TestSetId | 0;
  project_id?: ProjectId;
  test_run_id: TestRunId;
  test_id: TestId;
  test_name?: string;
  sequence_number?: number;
  status_code?: ItemStatus;
  run_time?: number;
  run_time_formated?: string;
  is_stopped_on_fail?: boolean;
  release_id?: ReleaseId | 0;
  release_name?: string;
  test_set_name?: string;
  configuration_name?: string;
  test_host?: string;
  automated?: boolean;
  run_by_user_id?: UserId;
  date_started?: QacDateString;
  date_finished?: QacDateString;
  last_run_date?: QacDateString;
  last_run_status?: string;
  test_run_results?: TestRunResult[];
}

/** The run-defining fields shared by both shapes of {@link CreateTestRunBody}. */
export interface CreateTestRunOptions {
  TestConfigId?: TestConfigId;
  ReleaseId?: ReleaseId;
  /** Host that should execute an automated run. */
  RunByHostId?: HostId;
  IsSequential?: boolean;
  /** Create a new run even if one is running (14.x; UNCONFIRMED on 12.x, reference §10). */
  ForceNewRunCreation?: boolean;
}

/**
 * Body of `POST testruns` (`RequestTestPost`): exactly one of `TestId` / `TestSetId`.
 * @see https://support.smartbear.com/qacomplete/docs/developer/api/rest/api/reference/testruns/post.html
 */
export type CreateTestRunBody = CreateTestRunOptions &
  ({ TestId: TestId; TestSetId?: never } | { TestSetId: TestSetId; TestId?: never });

/** One step of {@link PatchTestRunItemBody}. */
export interface PatchTestRunItemStep {
  Seq?: number;
  StepName?: string;
  StatusCode?: StepStatus;
  TestStepId?: number;
  TestRunResultId?: number;
  ExpectedResult?: string;
  ActualResult?: string;
  Critical?: boolean;
}

/** Body of `PATCH .../items/{ItemId}` (`RequestTestRunItemPatch`); `StatusCode` is required. */
export interface PatchTestRunItemBody {
  StatusCode: ItemStatus;
  Critical?: boolean;
  /** Seconds. */
  RunTime?: number;
  RunByUserId?: UserId;
  RunByHostId?: HostId;
  SaveToTestLibrary?: boolean;
  Steps?: PatchTestRunItemStep[];
}
