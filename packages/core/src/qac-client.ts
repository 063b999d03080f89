import type { RequestFn } from "./request.js";
import type { ClientStats } from "./stats.js";
import type { IterateOptions, ListOptions, Page } from "./paginate.js";
import type { ProjectId, ReleaseId, TestConfigId, TestId, TestRunId, TestRunItemId, TestSetId, UserId } from "./ids.js";
import type { Project, Release, TestHost, User } from "./wire/admin.js";
import type { Test, TestAutomation, TestConfiguration, TestSet, TestSetItem } from "./wire/library.js";
import type { CreateTestRunBody, PatchTestRunItemBody, TestRun, TestRunItem } from "./wire/test-run.js";

/** Offset/limit of a `search` call (one page). */
export type SearchOptions = Omit<ListOptions, "filter">;
/** Page size of an `iterateSearch` call. */
export type IterateSearchOptions = Omit<IterateOptions, "filter">;

/** list/iterate/get of a resource inside a project. */
export interface ProjectResource<T, Id> {
  /** One page (`{ results, total, offset, limit }`). */
  list(projectId: ProjectId, options?: ListOptions): Promise<Page<T>>;
  /** Every row, page after page. */
  iterate(projectId: ProjectId, options?: IterateOptions): AsyncGenerator<T, void, undefined>;
  /** One item; CORE_NOT_FOUND when it does not exist. */
  get(projectId: ProjectId, id: Id): Promise<T>;
}

/** list/iterate of the rows under one parent: a test's automations, a set's items, a run's items. */
export interface NestedResource<T, ParentId> {
  /** One page (`{ results, total, offset, limit }`). */
  list(projectId: ProjectId, parentId: ParentId, options?: ListOptions): Promise<Page<T>>;
  /** Every row, page after page. */
  iterate(projectId: ProjectId, parentId: ParentId, options?: IterateOptions): AsyncGenerator<T, void, undefined>;
}

/** A resource with `POST .../search` for filters too long for a URL. */
export interface SearchableResource<T, Id> extends ProjectResource<T, Id> {
  /** One page of `POST .../search` with `{ Filter }` in the body. */
  search(projectId: ProjectId, filter: string, options?: SearchOptions): Promise<Page<T>>;
  /** Every row matching `filter`, via the search POST. */
  iterateSearch(
    projectId: ProjectId,
    filter: string,
    options?: IterateSearchOptions,
  ): AsyncGenerator<T, void, undefined>;
}

/** The typed QAComplete client returned by `createClient`. */
export interface QacClient {
  /** `origin + /rest-api/service`, for display. */
  readonly baseUrl: string;
  readonly username: string;
  /**
   * The generic call every helper uses:
   * `request("GET /api/v2/projects/{ProjectId}/testruns/{Id}", { path: { ProjectId, Id } })`.
   */
  readonly request: RequestFn;
  /** Projects the user can access (v1). */
  readonly projects: {
    list(options?: ListOptions): Promise<Page<Project>>;
    iterate(options?: IterateOptions): AsyncGenerator<Project, void, undefined>;
    get(projectId: ProjectId): Promise<Project>;
  };
  /** Project members (v1). */
  readonly users: ProjectResource<User, UserId>;
  /** Test Library (list/search v2, get v1) and each test's automations (v2). */
  readonly tests: SearchableResource<Test, TestId> & {
    /** The agents that can run the test; an automated run of a test with none never starts. */
    readonly automations: NestedResource<TestAutomation, TestId>;
  };
  /** Test sets (v2) and their items (v1). */
  readonly testSets: ProjectResource<TestSet, TestSetId> & {
    readonly items: NestedResource<TestSetItem, TestSetId> & {
      /** Item at 1-based position `seq`. */
      get(projectId: ProjectId, testSetId: TestSetId, seq: number): Promise<TestSetItem>;
    };
  };
  /** Test configurations (v2). */
  readonly configurations: SearchableResource<TestConfiguration, TestConfigId>;
  /** Releases, iterations and builds (v1). */
  readonly releases: ProjectResource<Release, ReleaseId>;
  /** Test hosts (automation API v2, user credentials). */
  readonly hosts: {
    /** The host whose `host_name` equals `name` (case-insensitive), or null. */
    findByName(name: string, options?: { deptId?: string | number }): Promise<TestHost | null>;
  };
  /** Test runs (v2). */
  readonly testRuns: ProjectResource<TestRun, TestRunId> & {
    /** Starts a run. Never retried after it may have reached the server: see CORE_CREATE_OUTCOME_UNKNOWN. */
    create(projectId: ProjectId, body: CreateTestRunBody): Promise<TestRun>;
    delete(projectId: ProjectId, runId: TestRunId): Promise<void>;
    /** Creates a new run from an old one (new id); never retried blindly either. */
    restart(projectId: ProjectId, runId: TestRunId): Promise<TestRun>;
    readonly items: NestedResource<TestRunItem, TestRunId> & {
      get(projectId: ProjectId, runId: TestRunId, itemId: TestRunItemId): Promise<TestRunItem>;
      /** Sets an item's status (and steps); returns the item when the server sends one. */
      patch(
        projectId: ProjectId,
        runId: TestRunId,
        itemId: TestRunItemId,
        body: PatchTestRunItemBody,
      ): Promise<TestRunItem | undefined>;
    };
  };
  /**
   * The server's time now, from the `Date` header of its latest answer (UTC, never later than the
   * real time), or null before any answer.
   */
  serverNow(): Date | null;
  /** HTTP attempts made so far (retries included). */
  callCount(): number;
  /** HTTP attempts, total and per endpoint key. */
  stats(): ClientStats;
  resetStats(): void;
  /** Closes the connection pool the client created (not a dispatcher you passed in). */
  close(): Promise<void>;
}
