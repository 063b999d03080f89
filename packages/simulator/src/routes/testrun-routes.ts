import type { FastifyInstance, FastifyRequest } from "fastify";
import { notFound } from "../http/http-error.js";
import { listEnvelope } from "../http/list-query.js";
import { createRun, resolveRunSpec, type CreateRunBody } from "../runs/create-run.js";
import { insertRun, type RunSpec } from "../runs/insert-run.js";
import { runWire } from "../runs/run-wire.js";
import type { Runtime } from "../runtime.js";
import type { RunRow } from "../tenant/wire-types.js";
import { FIELDS } from "../tenant/entity-fields.js";
import { bothVersions, findInProject, idParam, requireProject } from "./access.js";
import { readList } from "./read-list.js";

const CREATE_FIELDS = [
  "TestId",
  "TestSetId",
  "TestConfigId",
  "ReleaseId",
  "RunByHostId",
  "IsSequential",
  "ForceNewRunCreation",
] as const;
const id = { type: "integer", minimum: 0 };

/** JSON schema of the create body `RequestTestPost` (reference §3.1); other fields are ignored. */
const createRunBodySchema = {
  type: "object",
  properties: {
    TestId: id,
    TestSetId: id,
    TestConfigId: id,
    ReleaseId: id,
    RunByHostId: id,
    IsSequential: { type: "boolean" },
    ForceNewRunCreation: { type: "boolean" },
  },
} as const;

/**
 * Field names are bound case-insensitively (`testId` = `TestId`), as ASP.NET model binding does
 * for both JSON and form bodies (reference §11.16, assumption).
 */
function canonicalBody(body: unknown): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const known = CREATE_FIELDS.find((f) => f.toLowerCase() === key.toLowerCase());
    out[known ?? key] = value;
  }
  return out;
}

/** Test run routes (reference §3): list, get, create, delete, restart. */
export function registerTestRunRoutes(app: FastifyInstance, rt: Runtime): void {
  const { tenant, engine, clock } = rt;
  const runOf = (request: FastifyRequest, projectId: number) =>
    findInProject(tenant.runs.get(idParam(request, "id")), projectId);
  const wire = (run: RunRow) => runWire(run, rt.strictness.irregularRuns);

  for (const url of bothVersions("/projects/:projectId/testruns")) {
    app.get(url, (request) => {
      const { projectId, acl } = requireProject(rt, request, "test_library", "read");
      const { query, filter } = readList(rt, request, FIELDS.run);
      const page = tenant.runs.query({
        filter,
        scope: { project_id: projectId },
        offset: query.offset,
        limit: query.limit,
      });
      return listEnvelope({ rows: page.rows.map(wire), total: page.total }, query, acl);
    });
    app.post(url, {
      schema: { body: createRunBodySchema },
      preValidation: (request, _reply, done) => {
        request.body = canonicalBody(request.body);
        done();
      },
      handler: (request) => {
        // Creating a run needs Add on Test Library (reference §3.1).
        const { user, projectId } = requireProject(rt, request, "test_library", "add");
        const body = request.body as CreateRunBody;
        const spec = resolveRunSpec(tenant, projectId, user.seed.id, body);
        const now = clock.nowMs();
        const { run, created } = createRun(tenant, spec, body, rt.duplicateRunMode, now);
        if (created) engine.drive(run.id, now);
        return wire(run);
      },
    });
  }

  for (const url of bothVersions("/projects/:projectId/testruns/:id")) {
    app.get(url, (request) => wire(runOf(request, requireProject(rt, request, "test_library", "read").projectId)));
    app.delete(url, (request, reply) => {
      const { projectId } = requireProject(rt, request, "test_library", "delete");
      const run = runOf(request, projectId);
      engine.forget(run.id);
      tenant.deleteRun(run.id);
      // 200 with an empty body (reference §3.4).
      return reply.code(200).send();
    });
  }

  for (const url of bothVersions("/projects/:projectId/testruns/:id/restart")) {
    app.post(url, (request) => {
      // Restart needs Update on Test Library and always makes a new run from the old one, even
      // while the old one is still active (reference §3.5, §11.10).
      const { user, projectId } = requireProject(rt, request, "test_library", "update");
      const old = runOf(request, projectId);
      const meta = tenant.runMeta.get(old.id);
      const spec: RunSpec = {
        projectId,
        testSetId: old.test_set_id,
        testId: meta?.testId ?? 0,
        configId: old.test_config_id,
        releaseId: old.release_id,
        hostId: meta?.hostId ?? 0,
        userId: user.seed.id,
        isSequential: old.is_sequential,
        executionType: old.execution_type,
        items: tenant.itemsOf(old.id).map((item) => ({
          testId: item.test_id,
          isStoppedOnFail: item.is_stopped_on_fail,
          hostId: tenant.itemMeta.get(item.id)?.hostId ?? 0,
        })),
      };
      if (spec.items.length === 0) throw notFound();
      const now = clock.nowMs();
      const run = insertRun(tenant, spec, now);
      engine.drive(run.id, now);
      return wire(run);
    });
  }
}
