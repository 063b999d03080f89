import type { FastifyInstance } from "fastify";
import { authenticate } from "../http/authenticate.js";
import { listEnvelope } from "../http/list-query.js";
import type { Runtime } from "../runtime.js";
import { FIELDS } from "../tenant/entity-fields.js";
import { hasAnyRight } from "../tenant/rights.js";
import type { EntityRow } from "../tenant/wire-types.js";
import { bothVersions, findInProject, idParam, requireProject } from "./access.js";
import { readList } from "./read-list.js";

/** A project as sent: `id` and `dept_id` are strings on the wire (reference §2.1, §8). */
function projectWire(row: EntityRow, acl: number): Record<string, unknown> {
  const { project_id: _unused, ...rest } = row;
  return { ...rest, id: String(row.id), dept_id: String(row["dept_id"]), __permissions: { acl } };
}

/** Projects and their users (reference §8, v1). */
export function registerProjectRoutes(app: FastifyInstance, rt: Runtime): void {
  const { tenant } = rt;
  for (const url of bothVersions("/projects")) {
    app.get(url, (request) => {
      // Lists only the projects the caller can access (reference §8).
      const user = authenticate(tenant, request.headers.authorization);
      const { query } = readList(rt, request);
      const visible = [...tenant.projects.values()]
        .filter((p) => hasAnyRight(user.rights.get(p.id)))
        .sort((a, b) => a.id - b.id);
      const rows =
        query.limit === 0 ? [] : visible.slice(query.offset, query.offset + query.limit).map((p) => projectWire(p, 7));
      return listEnvelope({ rows, total: visible.length }, query, 7);
    });
  }
  for (const url of bothVersions("/projects/:projectId")) {
    app.get(url, (request) => {
      const { projectId } = requireProject(rt, request, null, "read");
      return projectWire(tenant.projects.get(projectId)!, 7);
    });
  }
  const members = (projectId: number) =>
    [...tenant.users.values()]
      .filter((u) => hasAnyRight(u.rights.get(projectId)))
      .map((u) => ({ ...u.row, project_id: projectId }))
      .sort((a, b) => a.id - b.id);
  for (const url of bothVersions("/projects/:projectId/users")) {
    app.get(url, (request) => {
      // The caller only needs access to the project (reference §8).
      const { projectId } = requireProject(rt, request, null, "read");
      const { query, filter } = readList(rt, request, FIELDS.user);
      const matched = members(projectId).filter((u) => !filter || filter.test(u));
      return listEnvelope(
        {
          rows: query.limit === 0 ? [] : matched.slice(query.offset, query.offset + query.limit),
          total: matched.length,
        },
        query,
        7,
      );
    });
  }
  for (const url of bothVersions("/projects/:projectId/users/:id")) {
    app.get(url, (request) => {
      const { projectId } = requireProject(rt, request, null, "read");
      const id = idParam(request, "id");
      return findInProject(
        members(projectId).find((u) => u.id === id),
        projectId,
      );
    });
  }
}
