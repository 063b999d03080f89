import type { FastifyInstance, FastifyRequest } from "fastify";
import { badRequest } from "../http/http-error.js";
import { listEnvelope } from "../http/list-query.js";
import { itemChoiceList, matchStatus } from "../runs/item-choice-list.js";
import type { Runtime } from "../runtime.js";
import { FIELDS } from "../tenant/entity-fields.js";
import { bothVersions, findInProject, idParam, requireProject } from "./access.js";
import { readList } from "./read-list.js";

/** JSON schema of `RequestTestRunItemPatch` (reference §3.6): `StatusCode` is required. */
const patchItemBodySchema = {
  type: "object",
  required: ["StatusCode"],
  properties: {
    StatusCode: { type: "string" },
    RunTime: { type: "integer", minimum: 0 },
    RunByUserId: { type: "integer", minimum: 0 },
    RunByHostId: { type: "integer", minimum: 0 },
    Critical: { type: "boolean" },
    SaveToTestLibrary: { type: "boolean" },
    Steps: { type: "array" },
  },
} as const;

interface PatchItemBody {
  StatusCode: string;
  RunTime?: number;
}

/** Run item routes (reference §3.6): list, get, PATCH and PUT (same body). */
export function registerRunItemRoutes(app: FastifyInstance, rt: Runtime): void {
  const { tenant, engine, clock } = rt;
  const itemOf = (request: FastifyRequest, projectId: number) => {
    const run = findInProject(tenant.runs.get(idParam(request, "id")), projectId);
    const item = tenant.items.get(idParam(request, "itemId"));
    return findInProject(item?.test_run_id === run.id ? item : undefined, projectId);
  };

  for (const url of bothVersions("/projects/:projectId/testruns/:id/items")) {
    app.get(url, (request) => {
      const { projectId, acl } = requireProject(rt, request, "test_library", "read");
      const run = findInProject(tenant.runs.get(idParam(request, "id")), projectId);
      const { query, filter } = readList(rt, request, FIELDS.runItem);
      const page = tenant.items.query({
        filter,
        scope: { test_run_id: run.id },
        offset: query.offset,
        limit: query.limit,
      });
      return listEnvelope(page, query, acl);
    });
  }

  for (const url of bothVersions("/projects/:projectId/testruns/:id/items/:itemId")) {
    app.get(url, (request) => itemOf(request, requireProject(rt, request, "test_library", "read").projectId));
    const update = (request: FastifyRequest) => {
      // Updating an item needs Update on Test Library (reference §3.6).
      const { user, projectId } = requireProject(rt, request, "test_library", "update");
      const item = itemOf(request, projectId);
      const body = request.body as PatchItemBody;
      // Status texts come from the project's choice list (reference §3.6), matched ignoring case.
      const statuses = itemChoiceList(tenant, projectId, rt.strictness.irregularRuns);
      const status = matchStatus(statuses, body.StatusCode);
      if (!status)
        throw badRequest(`StatusCode '${body.StatusCode}' is not an item status; use one of ${statuses.join(", ")}`);
      engine.setItemStatus(item, status, clock.nowMs(), body.RunTime, user.seed.id);
      // The response body is not documented (reference §3.6); third-party code reads an item.
      return tenant.items.get(item.id);
    };
    app.patch(url, { schema: { body: patchItemBodySchema } }, update);
    app.put(url, { schema: { body: patchItemBodySchema } }, update);
  }
}
