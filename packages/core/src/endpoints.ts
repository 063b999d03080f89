import type { ProjectId, ReleaseId, TestConfigId, TestId, TestRunId, TestRunItemId, TestSetId, UserId } from "./ids.js";
import type { ListEnvelope, ListQuery, SearchBody } from "./wire/envelope.js";
import type { CreateTestRunBody, PatchTestRunItemBody, TestRun, TestRunItem } from "./wire/test-run.js";
import type { Test, TestAutomation, TestConfiguration, TestSet, TestSetItem } from "./wire/library.js";
import type { Project, Release, TestHost, User } from "./wire/admin.js";

type InProject = { ProjectId: ProjectId };
type PagingQuery = Pick<ListQuery, "offset" | "limit">;

/**
 * Every QAComplete operation qac uses, keyed by `"METHOD /path/{param}"` under `/rest-api/service`.
 * The version segment is per operation (reference §1.1): both v1 and v2 are live at once.
 */
export interface Endpoints {
  "GET /api/v1/projects": { params: { query?: ListQuery }; response: ListEnvelope<Project> };
  "GET /api/v1/projects/{ProjectId}": { params: { path: InProject }; response: Project };
  "GET /api/v1/projects/{ProjectId}/users": {
    params: { path: InProject; query?: ListQuery };
    response: ListEnvelope<User>;
  };
  "GET /api/v1/projects/{ProjectId}/users/{Id}": { params: { path: InProject & { Id: UserId } }; response: User };
  "GET /api/v2/projects/{ProjectId}/tests": {
    params: { path: InProject; query?: ListQuery };
    response: ListEnvelope<Test>;
  };
  "POST /api/v2/projects/{ProjectId}/tests/search": {
    params: { path: InProject; query?: PagingQuery; body: SearchBody };
    response: ListEnvelope<Test>;
  };
  // The 14.x page's URL template says v1 while its cURL line says v2 (reference §1.1); the template wins.
  "GET /api/v1/projects/{ProjectId}/tests/{Id}": { params: { path: InProject & { Id: TestId } }; response: Test };
  // A test's automations (reference §13); rows carry no documented id.
  "GET /api/v2/projects/{ProjectId}/tests/{TestId}/automations": {
    params: { path: InProject & { TestId: TestId }; query?: ListQuery };
    response: ListEnvelope<TestAutomation>;
  };
  "GET /api/v2/projects/{ProjectId}/testsets": {
    params: { path: InProject; query?: ListQuery };
    response: ListEnvelope<TestSet>;
  };
  "GET /api/v2/projects/{ProjectId}/testsets/{Id}": {
    params: { path: InProject & { Id: TestSetId } };
    response: TestSet;
  };
  "GET /api/v1/projects/{ProjectId}/testsets/{Id}/items": {
    params: { path: InProject & { Id: TestSetId }; query?: ListQuery };
    response: ListEnvelope<TestSetItem>;
  };
  "GET /api/v1/projects/{ProjectId}/testsets/{Id}/items/{Seq}": {
    params: { path: InProject & { Id: TestSetId; Seq: number } };
    response: TestSetItem;
  };
  "GET /api/v2/projects/{ProjectId}/configurations": {
    params: { path: InProject; query?: ListQuery };
    response: ListEnvelope<TestConfiguration>;
  };
  "GET /api/v2/projects/{ProjectId}/configurations/{Id}": {
    params: { path: InProject & { Id: TestConfigId } };
    response: TestConfiguration;
  };
  "POST /api/v2/projects/{ProjectId}/configurations/search": {
    params: { path: InProject; query?: PagingQuery; body: SearchBody };
    response: ListEnvelope<TestConfiguration>;
  };
  "GET /api/v1/projects/{ProjectId}/releases": {
    params: { path: InProject; query?: ListQuery };
    response: ListEnvelope<Release>;
  };
  "GET /api/v1/projects/{ProjectId}/releases/{Id}": {
    params: { path: InProject & { Id: ReleaseId } };
    response: Release;
  };
  // Automation API, but with user credentials (reference §1.3). The response shape is not documented:
  // the client accepts a host object, an array or a list envelope (see hosts.findByName).
  "GET /automation/v2/hosts": {
    params: { query: { name: string; deptid?: string } };
    response: TestHost | TestHost[] | ListEnvelope<TestHost>;
  };
  "GET /api/v2/projects/{ProjectId}/testruns": {
    params: { path: InProject; query?: ListQuery };
    response: ListEnvelope<TestRun>;
  };
  "POST /api/v2/projects/{ProjectId}/testruns": {
    params: { path: InProject; body: CreateTestRunBody };
    response: TestRun;
  };
  "GET /api/v2/projects/{ProjectId}/testruns/{Id}": {
    params: { path: InProject & { Id: TestRunId } };
    response: TestRun;
  };
  "DELETE /api/v2/projects/{ProjectId}/testruns/{Id}": {
    params: { path: InProject & { Id: TestRunId } };
    response: undefined;
  };
  "POST /api/v2/projects/{ProjectId}/testruns/{Id}/restart": {
    params: { path: InProject & { Id: TestRunId } };
    response: TestRun;
  };
  "GET /api/v2/projects/{ProjectId}/testruns/{Id}/items": {
    params: { path: InProject & { Id: TestRunId }; query?: ListQuery };
    response: ListEnvelope<TestRunItem>;
  };
  "GET /api/v2/projects/{ProjectId}/testruns/{Id}/items/{ItemId}": {
    params: { path: InProject & { Id: TestRunId; ItemId: TestRunItemId } };
    response: TestRunItem;
  };
  // The PATCH response body is UNCONFIRMED (reference §3.6): third-party code parses an item, so
  // the client returns the item when one is sent and undefined for an empty body.
  "PATCH /api/v2/projects/{ProjectId}/testruns/{Id}/items/{ItemId}": {
    params: { path: InProject & { Id: TestRunId; ItemId: TestRunItemId }; body: PatchTestRunItemBody };
    response: TestRunItem | undefined;
  };
}

/** A key of {@link Endpoints}, e.g. `"GET /api/v2/projects/{ProjectId}/testruns"`. */
export type Route = keyof Endpoints;
/** Parameters of a route: `path` values, `query` values and the JSON `body`. */
export type RouteParams<K extends Route> = Endpoints[K]["params"];
/** The validated response body of a route. */
export type RouteResponse<K extends Route> = Endpoints[K]["response"];

/** How the client checks a response body before handing it out (cheap guards, not a schema per row). */
type ResponseShape = "list" | "object" | "empty" | "object-or-empty" | "hosts";

/** What the request layer needs to know about a route besides its types. */
export interface RouteMeta {
  /** Safe to repeat automatically (GET and the idempotent search POSTs). */
  safe: boolean;
  /** Creates a run: never repeated blindly; an unknown outcome becomes CORE_CREATE_OUTCOME_UNKNOWN. */
  creates: boolean;
  shape: ResponseShape;
  /** Type of `id` on returned objects: projects send strings of digits; `none` for rows without one. */
  id: "number" | "digits" | "none";
}

const read = (shape: ResponseShape, id: RouteMeta["id"] = "number"): RouteMeta => ({
  safe: true,
  creates: false,
  shape,
  id,
});

/** Runtime facts per route; `satisfies` keeps it exhaustive with {@link Endpoints}. */
export const ROUTES = {
  "GET /api/v1/projects": read("list", "digits"),
  "GET /api/v1/projects/{ProjectId}": read("object", "digits"),
  "GET /api/v1/projects/{ProjectId}/users": read("list"),
  "GET /api/v1/projects/{ProjectId}/users/{Id}": read("object"),
  "GET /api/v2/projects/{ProjectId}/tests": read("list"),
  "POST /api/v2/projects/{ProjectId}/tests/search": read("list"),
  "GET /api/v1/projects/{ProjectId}/tests/{Id}": read("object"),
  "GET /api/v2/projects/{ProjectId}/tests/{TestId}/automations": read("list", "none"),
  "GET /api/v2/projects/{ProjectId}/testsets": read("list"),
  "GET /api/v2/projects/{ProjectId}/testsets/{Id}": read("object"),
  "GET /api/v1/projects/{ProjectId}/testsets/{Id}/items": read("list"),
  "GET /api/v1/projects/{ProjectId}/testsets/{Id}/items/{Seq}": read("object"),
  "GET /api/v2/projects/{ProjectId}/configurations": read("list"),
  "GET /api/v2/projects/{ProjectId}/configurations/{Id}": read("object"),
  "POST /api/v2/projects/{ProjectId}/configurations/search": read("list"),
  "GET /api/v1/projects/{ProjectId}/releases": read("list"),
  "GET /api/v1/projects/{ProjectId}/releases/{Id}": read("object"),
  "GET /automation/v2/hosts": read("hosts"),
  "GET /api/v2/projects/{ProjectId}/testruns": read("list"),
  "POST /api/v2/projects/{ProjectId}/testruns": { safe: false, creates: true, shape: "object", id: "number" },
  "GET /api/v2/projects/{ProjectId}/testruns/{Id}": read("object"),
  "DELETE /api/v2/projects/{ProjectId}/testruns/{Id}": { safe: false, creates: false, shape: "empty", id: "number" },
  "POST /api/v2/projects/{ProjectId}/testruns/{Id}/restart": {
    safe: false,
    creates: true,
    shape: "object",
    id: "number",
  },
  "GET /api/v2/projects/{ProjectId}/testruns/{Id}/items": read("list"),
  "GET /api/v2/projects/{ProjectId}/testruns/{Id}/items/{ItemId}": read("object"),
  "PATCH /api/v2/projects/{ProjectId}/testruns/{Id}/items/{ItemId}": {
    safe: false,
    creates: false,
    shape: "object-or-empty",
    id: "number",
  },
} as const satisfies Record<Route, RouteMeta>;
