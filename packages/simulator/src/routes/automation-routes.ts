import type { FastifyInstance } from "fastify";
import { authenticate } from "../http/authenticate.js";
import { notFound } from "../http/http-error.js";
import { listEnvelope, queryParam } from "../http/list-query.js";
import type { Runtime } from "../runtime.js";
import { AUTOMATION_ROOT } from "./access.js";
import { readList } from "./read-list.js";

/** The user-authenticated part of the automation API (reference §9): departments and host lookup. */
export function registerAutomationRoutes(app: FastifyInstance, rt: Runtime): void {
  const { tenant } = rt;
  const hostWire = (host: Record<string, unknown>) => {
    const { project_id: _unused, dept_id: _dept, ...rest } = host;
    return rest;
  };
  app.get(`${AUTOMATION_ROOT}/hosts`, (request) => {
    // Host lookup by name uses user credentials (reference §1.3). Every authenticated user may read
    // hosts here: the "Read on Test Hosts" right is not modelled (assumption).
    authenticate(tenant, request.headers.authorization);
    const name = queryParam(request.query, "name");
    const hosts = [...tenant.hosts.values()].sort((a, b) => a.id - b.id);
    if (name !== undefined) {
      // Host names are computer names: matched case-insensitively (assumption).
      const host = hosts.find((h) => String(h["host_name"]).toLowerCase() === name.trim().toLowerCase());
      if (!host) throw notFound();
      return hostWire(host);
    }
    // Without `name` the simulator lists all hosts (not documented; handy for demos).
    const { query } = readList(rt, request);
    const rows = query.limit === 0 ? [] : hosts.slice(query.offset, query.offset + query.limit).map(hostWire);
    return listEnvelope({ rows, total: hosts.length }, query, 7);
  });
  app.get(`${AUTOMATION_ROOT}/depts`, (request) => {
    authenticate(tenant, request.headers.authorization);
    const ids = new Set([...tenant.projects.values()].map((p) => p["dept_id"] as number));
    const results = [...ids]
      .sort((a, b) => a - b)
      .map((id) => {
        const project = [...tenant.projects.values()].find((p) => p["dept_id"] === id)!;
        return { id, name: project["dept_name"], company: "", date_created: project["date_created"] };
      });
    const { query } = readList(rt, request);
    const rows = query.limit === 0 ? [] : results.slice(query.offset, query.offset + query.limit);
    return listEnvelope({ rows, total: results.length }, query, 7);
  });
}
