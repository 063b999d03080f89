/**
 * Response objects exactly as they go on the wire (snake_case, reference §2.1). Stored rows are
 * these objects, so filters read the same fields the client sees.
 */

/** Run status values (reference §3.8). */
export type RunStatus = "Awaiting Run" | "In Progress" | "Passed" | "Failed" | "Paused" | "Blocked" | "Incomplete";
/**
 * Run item status values: the standard ones of §3.8, `NA` (reference §13: agents report it), and
 * any value of the project's choice list (reference §3.6, §13), e.g. "Passed with warnings".
 */
export type ItemStatus = "Awaiting Run" | "Passed" | "Failed" | "Blocked" | "Skipped" | "NA" | (string & {});

/** A test run (reference §3.3; the 19 fields of the create sample plus set/config/release names). */
export interface RunRow {
  [field: string]: unknown;
  id: number;
  test_set_id: number;
  test_set_name: string;
  test_config_id: number;
  configuration_name: string;
  release_id: number;
  release_name: string;
  project_id: number;
  run_by_user_id: number;
  run_by_user_name: string;
  is_sequential: boolean;
  status_code: RunStatus;
  execution_type: string;
  date_started: string;
  date_finished: string;
  nbr_tests: number;
  nbr_passed: number;
  nbr_failed: number;
  nbr_blocked: number;
  nbr_awaiting_run: number;
  run_time: number;
  run_time_formated: string;
  schedule_id: string;
  test_host: string;
}

/** One test inside a run (reference §3.6). */
export interface RunItemRow {
  [field: string]: unknown;
  id: number;
  test_set_id: number;
  test_set_name: string;
  project_id: number;
  test_run_id: number;
  test_id: number;
  test_name: string;
  version: number;
  sequence_number: number;
  status_code: ItemStatus;
  run_time: number;
  run_time_formated: string;
  is_stopped_on_fail: boolean;
  automated: boolean;
  configuration_name: string;
  test_host: string;
  release_id: number;
  release_name: string;
  run_by_user_id: number;
  folder_name: string;
  test_description: string;
  date_started: string;
  date_finished: string;
  test_run_started: string;
  status_updated_by: number;
  status_updated_by_user_name: string;
  test_run_results: unknown[];
}

/** A test's automation for one agent (reference §13; see `buildAutomations` for what is UNCONFIRMED). */
export interface AutomationRow {
  [field: string]: unknown;
  /** Long agent name, e.g. "TestComplete/TestExecute". */
  agent: string;
  title: string;
  timeout: number;
  run_mode: number;
  params: Record<string, unknown>;
}

/** A row of any other entity (tests, sets, configurations, releases, users): id plus wire fields. */
export interface EntityRow {
  [field: string]: unknown;
  id: number;
  project_id: number;
}
