import type { FastifyInstance, FastifyRequest } from "fastify";
import { authenticateHost } from "../http/authenticate-host.js";
import { accessDenied, badRequest, notFound } from "../http/http-error.js";
import { listEnvelope } from "../http/list-query.js";
import type { Runtime } from "../runtime.js";
import { agentStatuses, matchStatus } from "../runs/item-choice-list.js";
import { runWire } from "../runs/run-wire.js";
import { formatDate } from "../store/format-date.js";
import { AUTOMATION_ROOT, idParam } from "./access.js";
import { readList } from "./read-list.js";

/** Body of the agent's result report (reference §9, `sequencenumber-patch.html`). */
const agentResultBodySchema = {
  type: "object",
  required: ["status", "date_started"],
  properties: {
    status: { type: "string" },
    date_started: { type: "string" },
    date_finished: { type: "string" },
    run_time: { type: "integer", minimum: 0 },
    test_run_results: { type: "array" },
  },
} as const;

interface AgentResultBody {
  status: string;
  date_started: string;
  date_finished?: string;
  run_time?: number;
}

function parseUtc(text: string, field: string): number {
  const ms = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text}Z`);
  if (Number.isNaN(ms)) throw badRequest(`${field} '${text}' is not a date; send UTC like 2026-12-01T09:30:00`);
  return ms;
}

/**
 * The host-authenticated part of the automation API (reference §9): host info, the runs awaiting
 * execution on the host, and result reports per test. A host may only speak for itself.
 */
export function registerAgentRoutes(app: FastifyInstance, rt: Runtime): void {
  const { tenant, engine, clock } = rt;
  const hostOf = (request: FastifyRequest) => {
    const hostId = authenticateHost(tenant, request.headers.authorization);
    if (idParam(request, "hostId") !== hostId) throw accessDenied();
    return hostId;
  };
  const onHost = (itemId: number, hostId: number) => (tenant.itemMeta.get(itemId)?.hostId ?? 0) === hostId;

  app.get(`${AUTOMATION_ROOT}/hosts/:hostId`, (request) => {
    const { project_id: _p, dept_id: _d, ...host } = tenant.hosts.get(hostOf(request))!;
    return host;
  });

  app.get(`${AUTOMATION_ROOT}/hosts/:hostId/currentruns`, (request) => {
    const hostId = hostOf(request);
    const { query } = readList(rt, request);
    // Runs Awaiting Run whose "Run By Host" is this host, sorted by run id (reference §3.7, §9).
    const runs = [...tenant.runs.idsWhere("status_code", "Awaiting Run")]
      .sort((a, b) => a - b)
      .map((id) => tenant.runs.get(id)!)
      .filter((run) => tenant.itemsOf(run.id).some((item) => onHost(item.id, hostId)));
    const rows = query.limit === 0 ? [] : runs.slice(query.offset, query.offset + query.limit);
    // The rest of this response is not documented (UNCONFIRMED): each run carries its items.
    return listEnvelope(
      {
        rows: rows.map((run) => ({
          ...runWire(run, rt.strictness.irregularRuns),
          test_run_items: tenant.itemsOf(run.id),
        })),
        total: runs.length,
      },
      query,
      7,
    );
  });

  app.patch(
    `${AUTOMATION_ROOT}/hosts/:hostId/runs/:runId/items/:seq`,
    { schema: { body: agentResultBodySchema } },
    (request) => {
      const hostId = hostOf(request);
      const run = tenant.runs.get(idParam(request, "runId"));
      const seq = idParam(request, "seq");
      const item = run ? tenant.itemsOf(run.id).find((i) => i.sequence_number === seq) : undefined;
      if (!item || !onHost(item.id, hostId)) throw notFound();
      const body = request.body as AgentResultBody;
      const allowed = agentStatuses(rt.strictness.irregularRuns);
      const status = matchStatus(allowed, body.status);
      if (!status) throw badRequest(`status '${body.status}' is not one of ${allowed.join(", ")}`);
      // Agents send UTC dates (reference §2.2); without date_finished the result counts from now.
      const started = parseUtc(body.date_started, "date_started");
      const finished = body.date_finished === undefined ? clock.nowMs() : parseUtc(body.date_finished, "date_finished");
      engine.setItemStatus(item, status, finished, body.run_time);
      return tenant.items.update(item.id, { date_started: formatDate(started) });
    },
  );
}
