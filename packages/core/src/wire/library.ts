import type { HostId, ProjectId, ReleaseId, TestConfigId, TestId, TestSetId, UserId } from "../ids.js";
import type { CustomField, Permissions, QacDateString } from "./envelope.js";
import type { ExecutionType } from "./test-run.js";

/** A test step inside a test (`test_steps[]`). */
export interface TestStep {
  id: number;
  seq?: number;
  step?: string;
  expected_result?: string;
  is_stopped_on_fail?: boolean;
}

/**
 * A Test Library entry (reference §4). List GET is v2; single GET is v1 (see the endpoint map).
 * @see https://support.smartbear.com/qacomplete/docs/developer/api/rest/api/reference/tests/id-get.html
 */
export interface Test {
  id: TestId;
  title: string;
  /** Choice list, e.g. `"Approved"`. */
  status?: string;
  project_id?: ProjectId;
  active?: boolean;
  execution_type?: ExecutionType;
  folder_id?: number;
  folder_name?: string;
  assignee_user_id?: UserId | 0;
  owner_user_id?: UserId | 0;
  description?: string;
  date_created?: QacDateString;
  date_updated?: QacDateString;
  last_run_date?: QacDateString;
  last_run_status?: string;
  nbr_steps?: number;
  avg_run_time?: number;
  avg_run_time_formated?: string;
  priority?: string;
  test_type?: string;
  version?: string | number;
  /** Default automation host (DB `DefaultHostId`); not in every response. */
  default_host_id?: HostId | 0;
  custom_fields?: CustomField[];
  test_steps?: TestStep[];
  __permissions?: Permissions;
}

/**
 * One automation of a test: the agent (test runner) that can run it on a host (reference §13). The
 * fields past `agent` are UNCONFIRMED: the documentation names the operation, not the row.
 * @see https://support.smartbear.com/qacomplete/docs/developer/api/rest/api/reference/automations/get.html
 */
export interface TestAutomation {
  /** The agent's name, long (`"TestComplete/TestExecute"`) or short (`"testcomplete"`). */
  agent?: string;
  test_id?: TestId;
  file_name?: string;
  [field: string]: unknown;
}

/**
 * A test set (reference §5, v2).
 * @see https://support.smartbear.com/qacomplete/docs/developer/api/rest/api/reference/testsets/id-get.html
 */
export interface TestSet {
  id: TestSetId;
  project_id?: ProjectId;
  title: string;
  folder_id?: number;
  folder_name?: string;
  is_active?: boolean;
  /** Tests run in set order. */
  is_sequential?: boolean;
  status_code?: string;
  priority_code?: string;
  execution_type?: ExecutionType;
  description?: string;
  date_created?: QacDateString;
  date_updated?: QacDateString;
  nbr_tests?: number;
  last_run_status?: string;
  last_run_date?: QacDateString;
  last_run_release_id?: ReleaseId | 0;
  last_run_test_config_id?: TestConfigId | 0;
  avg_run_time?: number;
  avg_run_time_formated?: string;
  allow_run?: boolean;
  custom_fields?: CustomField[];
}

/**
 * A test set item (v1, reference §5). The sample says `active`, third-party models `is_active`:
 * both are optional here.
 */
export interface TestSetItem {
  id: number;
  project_id?: ProjectId;
  test_set_id: TestSetId;
  test_id: TestId;
  /** 1-based position in the set. */
  seq: number;
  active?: boolean;
  is_active?: boolean;
  is_stopped_on_fail?: boolean;
  assignee_user_id?: UserId | 0;
  /** `0` = none. */
  default_host_id?: HostId | 0;
  title?: string;
  nbr_steps?: number;
  date_created?: QacDateString;
  date_updated?: QacDateString;
}

/**
 * A test configuration (reference §6, v2). `operating_system`/`browser`/`resolution` are
 * UNCONFIRMED response names of the POST body's choice lists.
 */
export interface TestConfiguration {
  id: TestConfigId;
  title: string;
  folder_id?: number;
  is_active?: boolean;
  project_id?: ProjectId;
  owner_user_id?: UserId | 0;
  date_created?: QacDateString;
  date_updated?: QacDateString;
  /** Sic. */
  is_c_b_t?: boolean;
  operating_system?: string;
  browser?: string;
  resolution?: string;
  custom_fields?: CustomField[];
  permissions?: Permissions;
}
