import type { FastifyInstance, FastifyRequest } from "fastify";
import { badRequest, notFound } from "../http/http-error.js";
import { listEnvelope } from "../http/list-query.js";
import type { Runtime } from "../runtime.js";
import { FIELDS } from "../tenant/entity-fields.js";
import { AGENT_LIST, resolveAgent } from "../tenant/resolve-agent.js";
import { bothVersions, findInProject, idParam, requireProject } from "./access.js";
import { readList } from "./read-list.js";

/**
 * A test's automations (reference §13, `automations/get.html`, `agent-get.html`): the list, and one
 * by agent name, long or short, case-insensitive. The docs serve them under v2; the simulator, as
 * for every resource, under both versions. Both need Read on Test Library.
 */
export function registerTestAutomationRoutes(app: FastifyInstance, rt: Runtime): void {
  const { tenant } = rt;
  const automationsOf = (request: FastifyRequest) => {
    const { projectId, acl } = requireProject(rt, request, "test_library", "read");
    const test = findInProject(tenant.tests.get(idParam(request, "id")), projectId);
    return { acl, automations: tenant.automations.get(test.id) ?? [] };
  };

  for (const url of bothVersions("/projects/:projectId/tests/:id/automations")) {
    app.get(url, (request) => {
      const { acl, automations } = automationsOf(request);
      const { query, filter } = readList(rt, request, FIELDS.automation);
      const matched = automations.filter((a) => !filter || filter.test(a));
      const rows = query.limit === 0 ? [] : matched.slice(query.offset, query.offset + query.limit);
      return listEnvelope({ rows, total: matched.length }, query, acl);
    });
  }

  for (const url of bothVersions("/projects/:projectId/tests/:id/automations/:agent")) {
    app.get(url, (request) => {
      const { automations } = automationsOf(request);
      const raw = (request.params as { agent: string }).agent;
      // An unknown agent name is a bad argument rather than a missing item (assumption: UNCONFIRMED).
      const agent = resolveAgent(raw);
      if (agent === undefined) throw badRequest(`Agent '${raw}' is not one of ${AGENT_LIST}`);
      const automation = automations.find((a) => a.agent === agent);
      if (!automation) throw notFound();
      return automation;
    });
  }
}
