import { inspect } from "node:util";
import { Pool, type Dispatcher } from "undici";
import { QacError } from "./errors.js";
import { resolveOptions, type ClientOptions } from "./options.js";
import { createRequest } from "./request.js";
import { createServerClock } from "./server-clock.js";
import { createStats } from "./stats.js";
import { createRedactor } from "./redact-credentials.js";
import { lister, projectResource, searcher } from "./create-resources.js";
import type { QacClient } from "./qac-client.js";
import type { ProjectId, TestSetId, TestRunId } from "./ids.js";
import type { ListEnvelope } from "./wire/envelope.js";
import type { Release, TestHost, User } from "./wire/admin.js";
import type { Test, TestConfiguration, TestSet, TestSetItem } from "./wire/library.js";
import type { CreateTestRunBody, TestRun } from "./wire/test-run.js";

/**
 * Creates a typed QAComplete client. Credentials live only in this closure: they never appear in
 * errors, logs, `util.inspect` or `JSON.stringify` of the client.
 * @example
 * const client = createClient({ baseUrl: "http://127.0.0.1:8787", username: "demo@qac.example", password: "demo" });
 * for await (const run of client.testRuns.iterate(toProjectId(1001), { filter: filter.eq("TestSetId", 5) }))
 *   console.log(run.id);
 */
export function createClient(options: ClientOptions): QacClient {
  const resolved = resolveOptions(options);
  const token = Buffer.from(`${resolved.username}:${options.password}`, "utf8").toString("base64");
  const scrub = createRedactor({ password: options.password, token });
  const ownPool: Pool | undefined = resolved.dispatcher
    ? undefined
    : new Pool(resolved.origin, { connections: resolved.connections, keepAliveTimeout: 10_000 });
  const dispatcher: Dispatcher = resolved.dispatcher ?? ownPool!;
  const stats = createStats();
  const clock = createServerClock();
  const authorization = `Basic ${token}`;
  const request = createRequest({ options: resolved, dispatcher, authorization, scrub, stats, clock });
  const { pageSize } = resolved;

  const projectsList = lister(request, pageSize, "GET /api/v1/projects");
  const setItems = lister(request, pageSize, "GET /api/v1/projects/{ProjectId}/testsets/{Id}/items");
  const runItems = lister(request, pageSize, "GET /api/v2/projects/{ProjectId}/testruns/{Id}/items");
  const automations = lister(request, pageSize, "GET /api/v2/projects/{ProjectId}/tests/{TestId}/automations");
  const runs = projectResource<
    "GET /api/v2/projects/{ProjectId}/testruns",
    "GET /api/v2/projects/{ProjectId}/testruns/{Id}",
    TestRun,
    TestRunId
  >(request, pageSize, "GET /api/v2/projects/{ProjectId}/testruns", "GET /api/v2/projects/{ProjectId}/testruns/{Id}");
  const inSet = (ProjectId: ProjectId, Id: TestSetId) => ({ ProjectId, Id });
  const inRun = (ProjectId: ProjectId, Id: TestRunId) => ({ ProjectId, Id });

  const client: QacClient = {
    baseUrl: resolved.displayUrl,
    username: resolved.username,
    request,
    projects: {
      list: (o) => projectsList.list(undefined, o),
      iterate: (o) => projectsList.iterate(undefined, o),
      get: (ProjectId) => request("GET /api/v1/projects/{ProjectId}", { path: { ProjectId } }),
    },
    users: projectResource<
      "GET /api/v1/projects/{ProjectId}/users",
      "GET /api/v1/projects/{ProjectId}/users/{Id}",
      User,
      User["id"]
    >(request, pageSize, "GET /api/v1/projects/{ProjectId}/users", "GET /api/v1/projects/{ProjectId}/users/{Id}"),
    tests: {
      ...projectResource<
        "GET /api/v2/projects/{ProjectId}/tests",
        "GET /api/v1/projects/{ProjectId}/tests/{Id}",
        Test,
        Test["id"]
      >(request, pageSize, "GET /api/v2/projects/{ProjectId}/tests", "GET /api/v1/projects/{ProjectId}/tests/{Id}"),
      ...searcher(request, pageSize, "POST /api/v2/projects/{ProjectId}/tests/search"),
      automations: {
        list: (ProjectId, TestId, o) => automations.list({ ProjectId, TestId }, o),
        iterate: (ProjectId, TestId, o) => automations.iterate({ ProjectId, TestId }, o),
      },
    },
    testSets: {
      ...projectResource<
        "GET /api/v2/projects/{ProjectId}/testsets",
        "GET /api/v2/projects/{ProjectId}/testsets/{Id}",
        TestSet,
        TestSet["id"]
      >(
        request,
        pageSize,
        "GET /api/v2/projects/{ProjectId}/testsets",
        "GET /api/v2/projects/{ProjectId}/testsets/{Id}",
      ),
      items: {
        list: (p, s, o) => setItems.list(inSet(p, s), o),
        iterate: (p, s, o) => setItems.iterate(inSet(p, s), o),
        get: (p, s, Seq): Promise<TestSetItem> =>
          request("GET /api/v1/projects/{ProjectId}/testsets/{Id}/items/{Seq}", { path: { ...inSet(p, s), Seq } }),
      },
    },
    configurations: {
      ...projectResource<
        "GET /api/v2/projects/{ProjectId}/configurations",
        "GET /api/v2/projects/{ProjectId}/configurations/{Id}",
        TestConfiguration,
        TestConfiguration["id"]
      >(
        request,
        pageSize,
        "GET /api/v2/projects/{ProjectId}/configurations",
        "GET /api/v2/projects/{ProjectId}/configurations/{Id}",
      ),
      ...searcher(request, pageSize, "POST /api/v2/projects/{ProjectId}/configurations/search"),
    },
    releases: projectResource<
      "GET /api/v1/projects/{ProjectId}/releases",
      "GET /api/v1/projects/{ProjectId}/releases/{Id}",
      Release,
      Release["id"]
    >(request, pageSize, "GET /api/v1/projects/{ProjectId}/releases", "GET /api/v1/projects/{ProjectId}/releases/{Id}"),
    hosts: {
      findByName: async (name, o = {}) => {
        if (typeof name !== "string" || name.trim() === "")
          throw new QacError("CORE_INVALID_ARGUMENT", "hosts.findByName needs a non-empty host name.");
        const query = { name, ...(o.deptId === undefined ? {} : { deptid: String(o.deptId) }) };
        try {
          return pickHost(await request("GET /automation/v2/hosts", { query }), name);
        } catch (error) {
          if (error instanceof QacError && error.code === "CORE_NOT_FOUND") return null;
          throw error;
        }
      },
    },
    testRuns: {
      ...runs,
      create: async (ProjectId, body) =>
        request("POST /api/v2/projects/{ProjectId}/testruns", { path: { ProjectId }, body: checkCreateBody(body) }),
      delete: async (p, r) => {
        await request("DELETE /api/v2/projects/{ProjectId}/testruns/{Id}", { path: inRun(p, r) });
      },
      restart: (p, r) => request("POST /api/v2/projects/{ProjectId}/testruns/{Id}/restart", { path: inRun(p, r) }),
      items: {
        list: (p, r, o) => runItems.list(inRun(p, r), o),
        iterate: (p, r, o) => runItems.iterate(inRun(p, r), o),
        get: (p, r, ItemId) =>
          request("GET /api/v2/projects/{ProjectId}/testruns/{Id}/items/{ItemId}", {
            path: { ...inRun(p, r), ItemId },
          }),
        patch: async (p, r, ItemId, body) => {
          if (
            typeof body !== "object" ||
            body === null ||
            typeof body.StatusCode !== "string" ||
            body.StatusCode === ""
          ) {
            throw new QacError(
              "CORE_INVALID_ARGUMENT",
              'testRuns.items.patch needs a body with a non-empty StatusCode (e.g. { StatusCode: "Passed" }).',
            );
          }
          return request("PATCH /api/v2/projects/{ProjectId}/testruns/{Id}/items/{ItemId}", {
            path: { ...inRun(p, r), ItemId },
            body,
          });
        },
      },
    },
    serverNow: () => clock.now(resolved.wallClock()),
    callCount: () => stats.snapshot().total,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    close: async () => {
      if (ownPool !== undefined && !ownPool.closed) await ownPool.close();
    },
  };
  const safeView = () => ({
    baseUrl: resolved.displayUrl,
    username: resolved.username,
    pageSize,
    timeoutMs: resolved.timeoutMs,
    connections: resolved.connections,
  });
  Object.defineProperty(client, "toJSON", { value: safeView, enumerable: false });
  Object.defineProperty(client, inspect.custom, { value: () => `QacClient ${inspect(safeView())}`, enumerable: false });
  return client;
}

function checkCreateBody(body: CreateTestRunBody): CreateTestRunBody {
  const b = body as unknown as Partial<Record<string, unknown>> | null;
  const hasTest = b?.TestId !== undefined;
  const hasSet = b?.TestSetId !== undefined;
  // The reference does not say what happens with both (§11.4 assumes TestSetId wins); refuse the ambiguity.
  if (hasTest === hasSet)
    throw new QacError(
      "CORE_INVALID_ARGUMENT",
      "testRuns.create needs exactly one of TestId or TestSetId in the body.",
    );
  return body;
}

/**
 * Picks the host named `name` from whatever shape the lookup returned. The host's
 * `security_token` (its agent password) is dropped: qac never acts as an agent, and a host object
 * is likely to end up in plan output or logs.
 */
function pickHost(body: TestHost | TestHost[] | ListEnvelope<TestHost>, name: string): TestHost | null {
  const single = !Array.isArray(body) && !("results" in body);
  const hosts = Array.isArray(body) ? body : "results" in body ? body.results : [body];
  const wanted = name.toLowerCase();
  const host =
    hosts.find((h) => typeof h.host_name === "string" && h.host_name.toLowerCase() === wanted) ??
    (single ? hosts[0] : undefined);
  if (host === undefined) return null;
  const { security_token: _token, ...safe } = host;
  return safe;
}
