/* eslint-disable @typescript-eslint/require-await -- fastify plugins, hooks and handlers are async by contract */
import type { FastifyPluginAsync } from "fastify";
import type { RunQuery } from "../store/status-store.js";
import { readSecurity } from "../http/openapi-options.js";
import type { ServerContext } from "../server-context.js";
import { errorResponses, noQuery, ref } from "./schema-ref.js";

/** `GET /api/v1/plans` and `GET /api/v1/runs`: the current state with live status. */
export function planRoutes(ctx: ServerContext): FastifyPluginAsync {
  return async (app) => {
    app.get(
      "/api/v1/plans",
      {
        onRequest: ctx.auth.read,
        schema: {
          operationId: "listPlans",
          summary: "Latest apply per plan with counts by live status",
          security: readSecurity(ctx.protectReads),
          tags: ["plans"],
          querystring: noQuery,
          response: { 200: ref("plan-list"), ...errorResponses(401) },
        },
      },
      async () => ({ plans: ctx.plans() }),
    );
    app.get<{ Querystring: Omit<RunQuery, "applyId"> & { apply?: number } }>(
      "/api/v1/runs",
      {
        onRequest: ctx.auth.read,
        schema: {
          operationId: "listRuns",
          summary: "Runs with live status (filter by plan, apply, status, host, release)",
          security: readSecurity(ctx.protectReads),
          tags: ["runs"],
          querystring: ref("runs-query"),
          response: { 200: ref("run-list"), ...errorResponses(400, 401) },
        },
      },
      async (request) => {
        const { apply, ...rest } = request.query;
        const { runs, total } = ctx.store.applies.runs({ ...rest, applyId: apply });
        return { runs: runs.map((run) => ({ ...run, url: ctx.runLink(run.projectId, run.runId) })), total };
      },
    );
  };
}
