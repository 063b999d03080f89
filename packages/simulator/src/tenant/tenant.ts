import type { SeedOutcome, SeedUser } from "../seed/seed-document.js";
import { Table } from "../store/table.js";
import type { ProjectRights } from "./rights.js";
import type { AgentName } from "./resolve-agent.js";
import type { AutomationRow, EntityRow, RunItemRow, RunRow } from "./wire-types.js";

/** A login and its rights per project. The password itself is not kept, only its SHA-256. */
export interface UserRecord {
  seed: Omit<SeedUser, "password">;
  passwordDigest: Buffer;
  row: EntityRow;
  rights: Map<number, ProjectRights>;
}

/** What a host reports for a test: its outcome and run time. */
export interface TestPlan {
  /** A {@link SeedOutcome} or a status of the project's choice list. */
  outcome: SeedOutcome | (string & {});
  durationSeconds: number;
  automated: boolean;
  defaultHostId: number;
}

/** Internal facts about a run that are not on the wire. */
export interface RunMeta {
  /** The test of a single-test run (0 for a set run). */
  testId: number;
  /** The host named in the create request (0 = none). */
  hostId: number;
  /** True once a host agent picked the run up. */
  started: boolean;
  /** True when the fake agent drives this run (false for bulk-inserted runs). */
  driven: boolean;
}

/** Internal facts about a run item. */
export interface ItemMeta {
  hostId: number;
}

/** Timing of the fake host agents. */
export interface AgentSettings {
  pickupDelayMs: number;
  speed: number;
}

/**
 * All state of one fake QAComplete tenant, in memory. Runs and items live in indexed tables so a
 * filtered list over 100,000 runs stays fast; everything else is small.
 */
export class Tenant {
  readonly projects = new Map<number, EntityRow>();
  readonly users = new Map<number, UserRecord>();
  readonly usersByEmail = new Map<string, UserRecord>();
  readonly hosts = new Map<number, EntityRow>();
  /** Per host: SHA-256 of its security token (automation API password), who runs its tests, its agents. */
  readonly hostAgents = new Map<
    number,
    { tokenDigest: Buffer | undefined; simulated: boolean; agents: ReadonlySet<AgentName> }
  >();
  readonly tests = new Table<EntityRow>(["project_id"]);
  readonly testSets = new Table<EntityRow>(["project_id"]);
  /** Test set id → its items in `seq` order. */
  readonly setItems = new Map<number, EntityRow[]>();
  readonly configurations = new Table<EntityRow>(["project_id"]);
  readonly releases = new Table<EntityRow>(["project_id"]);
  readonly testPlans = new Map<number, TestPlan>();
  /** Project id → the extra item statuses of its choice list (seed `item_statuses`). */
  readonly itemStatuses = new Map<number, readonly string[]>();
  /** Test id → its automations, one per agent. */
  readonly automations = new Map<number, AutomationRow[]>();
  readonly runs = new Table<RunRow>([
    "project_id",
    "test_set_id",
    "test_config_id",
    "release_id",
    "status_code",
    "run_by_user_id",
    "execution_type",
    "test_host",
  ]);
  // A run's items are found by run id: one bucket per run, so a hash set, not a bitset.
  readonly items = new Table<RunItemRow>(["test_run_id", "test_id", "status_code"], { setFields: ["test_run_id"] });
  readonly runMeta = new Map<number, RunMeta>();
  readonly itemMeta = new Map<number, ItemMeta>();
  /** Single-test runs by test id (set runs are found through the `test_set_id` index). */
  readonly runsByTest = new Map<number, Set<number>>();
  private runIds = 0;
  private itemIds = 0;

  constructor(readonly agent: AgentSettings) {}

  /** A fresh run id, above every id used so far. */
  nextRunId(): number {
    this.runIds = Math.max(this.runIds, this.runs.lastId) + 1;
    return this.runIds;
  }

  nextItemId(): number {
    this.itemIds = Math.max(this.itemIds, this.items.lastId) + 1;
    return this.itemIds;
  }

  /**
   * True when the test has an automation for one of the host's agents: only then can the host run
   * it; otherwise its runs stay Awaiting Run (reference §13).
   */
  canAutomate(testId: number, hostId: number): boolean {
    const agents = this.hostAgents.get(hostId)?.agents;
    return agents !== undefined && (this.automations.get(testId) ?? []).some((a) => agents.has(a.agent as AgentName));
  }

  /** Items of a run in `sequence_number` order. */
  itemsOf(runId: number): RunItemRow[] {
    return [...this.items.idsWhere("test_run_id", runId)]
      .map((id) => this.items.get(id)!)
      .sort((a, b) => a.sequence_number - b.sequence_number);
  }

  /** Removes a run with its items. */
  deleteRun(runId: number): boolean {
    const meta = this.runMeta.get(runId);
    if (!this.runs.delete(runId)) return false;
    for (const id of [...this.items.idsWhere("test_run_id", runId)]) {
      this.items.delete(id);
      this.itemMeta.delete(id);
    }
    if (meta?.testId) this.runsByTest.get(meta.testId)?.delete(runId);
    this.runMeta.delete(runId);
    return true;
  }
}
