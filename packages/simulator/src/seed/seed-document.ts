/**
 * The seed document: one fake QAComplete tenant. `demo-seed.yaml` (in this package) is the demo tenant.
 * Keys are snake_case like the wire format. See `validate-seed.ts` for the rules.
 */
export interface SeedDocument {
  version: 1;
  /** Seeds the generator that picks outcomes and durations of tests that do not set them. @default 1 */
  rng_seed?: number;
  /** Start of the virtual clock (ISO date-time). @default "2026-12-01T09:00:00Z" */
  clock_start?: string;
  simulation?: {
    /** Seconds before a host agent picks up an Awaiting Run run. @default 3 */
    pickup_delay_seconds?: number;
    /** Wall-clock speed-up of test durations (run_time still reports the nominal seconds). @default 1 */
    speed?: number;
  };
  departments?: SeedDepartment[];
  users: SeedUser[];
  hosts?: SeedHost[];
  projects: SeedProject[];
}

/** A department: hosts and projects belong to one (reference §9). */
export interface SeedDepartment {
  id: number;
  name: string;
  company?: string;
}

/** A right in one project area (reference §1.4). */
export type SeedRight = "read" | "add" | "update" | "delete";

/** Rights of a user in one project: a shorthand or a list per area. */
export type SeedProjectRights =
  "full" | "read" | "none" | { test_library?: SeedRight[]; test_sets?: SeedRight[]; releases?: SeedRight[] };

/** A user who can log in with e-mail and password, with rights per project. */
export interface SeedUser {
  id: number;
  /** The login (reference §1.2: login is the e-mail address). */
  email: string;
  password: string;
  first_name: string;
  last_name: string;
  middle_name?: string;
  is_security_admin?: boolean;
  is_active?: boolean;
  /** Project id (as a string key) → rights. Projects not listed are not accessible. */
  rights?: Record<string, SeedProjectRights>;
}

/** A test host registered in a department, usable from every project (reference §9). */
export interface SeedHost {
  id: number;
  host_name: string;
  os?: string;
  host_configuration?: string;
  /**
   * The agents (test runners) installed on the host, long or short names (`JUnit (Selenium)` or
   * `junit`). The host only runs tests that have an automation for one of them (reference §13).
   * @default none
   */
  agents?: string[];
  /** @default true */
  is_active?: boolean;
  /** The host's password for the automation API (reference §1.3); never sent back. */
  security_token?: string;
  agent_version?: string;
  /**
   * `true`: the simulator's fake agent runs this host's tests. `false`: runs wait for a real agent
   * that polls `currentruns` and reports results through the automation API (reference §9).
   * @default true
   */
  simulated_agent?: boolean;
  /** @default the first department */
  dept_id?: number;
}

/** A project with its test library, test sets, configurations, releases and run history. */
export interface SeedProject {
  id: number;
  name: string;
  dept_id?: number;
  is_active?: boolean;
  /**
   * Extra run item statuses of the project's choice list, e.g. "Passed with warnings" (reference
   * §3.6, §13). Tests may report them as `outcome`; with `irregularRuns` clients may set them.
   * @default none
   */
  item_statuses?: string[];
  /** Names of the tests' custom fields; the first is `"Custom1"` on the wire, and so on (reference §13). */
  test_custom_fields?: string[];
  tests?: SeedTest[];
  test_sets?: SeedTestSet[];
  configurations?: SeedConfiguration[];
  releases?: SeedRelease[];
  runs?: SeedRun[];
}

/** What a host reports for an automated test: Passed, Failed, Blocked, Skipped or NA (reference §13). */
export type SeedOutcome = "pass" | "fail" | "block" | "skip" | "na";

/**
 * A test's automation for one agent (reference §13, `automations/get.html`); a string is the
 * agent alone. At most one per agent.
 */
export type SeedAutomation =
  | string
  | {
      /** Agent name, long or short (`TestComplete/TestExecute` or `testcomplete`). */
      agent: string;
      /** What the agent runs, e.g. `Project\\Script\\Unit\\routine`. @default the test's title */
      title?: string;
      /** @default 0 */
      timeout?: number;
    };

/**
 * A test of the library; automated tests are run by hosts, manual ones wait for a person. A host
 * runs an automated test only when the test has an automation for one of the host's agents;
 * otherwise its runs stay Awaiting Run (reference §13).
 */
export interface SeedTest {
  id: number;
  title: string;
  folder?: string;
  /** @default true */
  automated?: boolean;
  /**
   * A {@link SeedOutcome}, or one of the project's `item_statuses` the host reports verbatim.
   * @default picked from `rng_seed` (mostly pass)
   */
  outcome?: SeedOutcome | (string & {});
  /** @default picked from `rng_seed` (10–120 s) */
  duration_seconds?: number;
  default_host_id?: number;
  /** @default "Approved" */
  status?: string;
  priority?: string;
  description?: string;
  /** @default true */
  active?: boolean;
  /** Values of the project's `test_custom_fields`, by field name. @default none (null values) */
  custom_fields?: Record<string, string>;
  /** @default none: runs of this test on a host stay Awaiting Run */
  automations?: SeedAutomation[];
}

/** One test of a set, at the position given by its place in `items` (its `seq`). */
export interface SeedTestSetItem {
  test_id: number;
  /** @default true */
  active?: boolean;
  /** @default false */
  is_stopped_on_fail?: boolean;
  default_host_id?: number;
}

/** A test set; `is_sequential` sets run in order and honour stop-on-fail. */
export interface SeedTestSet {
  id: number;
  title: string;
  folder?: string;
  description?: string;
  /** @default false */
  is_sequential?: boolean;
  /** @default true */
  is_active?: boolean;
  items: SeedTestSetItem[];
}

/** A test configuration such as "Chrome / Windows 11". */
export interface SeedConfiguration {
  id: number;
  title: string;
  folder?: string;
  /** @default true */
  is_active?: boolean;
}

/** The three levels of the release tree (reference §7). */
export type SeedReleaseType = "Release" | "Iteration" | "Build";

/** A release, iteration or build; `children` are the next level down. */
export interface SeedRelease {
  id: number;
  title: string;
  type: SeedReleaseType;
  /**
   * A value of the tenant's choice list; real tenants use "Awaiting Start", "In Progress",
   * "Closed (Completed)" and "Closed (Cancelled)" (reference §13). @default "In Progress"
   */
  status_code?: string;
  /** @default true */
  is_active?: boolean;
  children?: SeedRelease[];
}

/** An existing run. `finished` runs get results from the tests' outcomes. */
export interface SeedRun {
  id: number;
  test_id?: number;
  test_set_id?: number;
  test_config_id?: number;
  release_id?: number;
  host_id?: number;
  run_by_user_id: number;
  /** When the run started, in minutes before the clock's start. */
  started_minutes_ago: number;
  state: "finished" | "in_progress" | "awaiting";
  is_sequential?: boolean;
}
