import type { FastifyInstance, FastifyRequest } from "fastify";
import type { EntityFields } from "../filter/resolve-field.js";
import { listEnvelope } from "../http/list-query.js";
import type { Runtime } from "../runtime.js";
import type { Table } from "../store/table.js";
import { FIELDS } from "../tenant/entity-fields.js";
import type { Area } from "../tenant/rights.js";
import type { EntityRow } from "../tenant/wire-types.js";
import { bothVersions, findInProject, idParam, requireProject } from "./access.js";
import { readList } from "./read-list.js";

/** How one read-only project resource is served. */
interface Resource {
  path: string;
  table: Table<EntityRow>;
  fields: EntityFields;
  area: Area;
  /** Name of the permissions object on single objects (`__permissions` or `permissions`, reference §4–§7). */
  permissionsKey: "__permissions" | "permissions";
  /** Also serve `POST {path}/search` with `{"Filter": ...}` (reference §2.4). */
  search: boolean;
}

/** Read-only project resources: tests (§4), test sets (§5), configurations (§6), releases (§7). */
export function registerLibraryRoutes(app: FastifyInstance, rt: Runtime): void {
  const { tenant } = rt;
  const resources: Resource[] = [
    {
      path: "tests",
      table: tenant.tests,
      fields: FIELDS.test,
      area: "test_library",
      permissionsKey: "__permissions",
      search: true,
    },
    // Configurations need Read on Test Library (reference §6).
    {
      path: "configurations",
      table: tenant.configurations,
      fields: FIELDS.configuration,
      area: "test_library",
      permissionsKey: "permissions",
      search: true,
    },
    {
      path: "testsets",
      table: tenant.testSets,
      fields: FIELDS.testSet,
      area: "test_sets",
      permissionsKey: "__permissions",
      search: false,
    },
    {
      path: "releases",
      table: tenant.releases,
      fields: FIELDS.release,
      area: "releases",
      permissionsKey: "__permissions",
      search: false,
    },
  ];
  for (const res of resources) {
    const list = (request: FastifyRequest) => {
      const { projectId, acl } = requireProject(rt, request, res.area, "read");
      const { query, filter } = readList(rt, request, res.fields);
      return listEnvelope(
        res.table.query({ filter, scope: { project_id: projectId }, offset: query.offset, limit: query.limit }),
        query,
        acl,
      );
    };
    for (const url of bothVersions(`/projects/:projectId/${res.path}`)) app.get(url, list);
    if (res.search) {
      const schema = { body: { type: "object", properties: { Filter: { type: "string" } } } };
      for (const url of bothVersions(`/projects/:projectId/${res.path}/search`)) app.post(url, { schema }, list);
    }
    for (const url of bothVersions(`/projects/:projectId/${res.path}/:id`)) {
      app.get(url, (request) => {
        const { projectId, acl } = requireProject(rt, request, res.area, "read");
        const row = findInProject(res.table.get(idParam(request, "id")), projectId);
        return { ...row, [res.permissionsKey]: { acl } };
      });
    }
  }

  // Test set items live under v1 and are addressed by 1-based position `seq` (reference §5).
  const setOf = (request: FastifyRequest, projectId: number) =>
    findInProject(tenant.testSets.get(idParam(request, "id")), projectId);
  for (const url of bothVersions("/projects/:projectId/testsets/:id/items")) {
    app.get(url, (request) => {
      const { projectId, acl } = requireProject(rt, request, "test_sets", "read");
      const set = setOf(request, projectId);
      const { query, filter } = readList(rt, request, FIELDS.setItem);
      const matched = (tenant.setItems.get(set.id) ?? []).filter((item) => !filter || filter.test(item));
      const rows = query.limit === 0 ? [] : matched.slice(query.offset, query.offset + query.limit);
      return listEnvelope({ rows, total: matched.length }, query, acl);
    });
  }
  for (const url of bothVersions("/projects/:projectId/testsets/:id/items/:seq")) {
    app.get(url, (request) => {
      const { projectId } = requireProject(rt, request, "test_sets", "read");
      const set = setOf(request, projectId);
      const seq = idParam(request, "seq");
      return findInProject(
        tenant.setItems.get(set.id)?.find((item) => item["seq"] === seq),
        projectId,
      );
    });
  }
}
