/* eslint-disable @typescript-eslint/require-await -- fastify plugins, hooks and handlers are async by contract */
import type { ApplyReport } from "@qac/schemas";
import type { FastifyPluginAsync } from "fastify";
import { StatusServerError } from "../errors.js";
import { APPLY_REPORT_SCHEMA_ID } from "../schema/apply-report-schema.js";
import { BEARER, readSecurity } from "../http/openapi-options.js";
import type { ServerContext } from "../server-context.js";
import { errorResponses, ref } from "./schema-ref.js";

/** `POST/GET /api/v1/applies`: apply reports in, history out. */
export function applyRoutes(ctx: ServerContext): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Body: ApplyReport }>(
      "/api/v1/applies",
      {
        onRequest: ctx.auth.write,
        config: { rateLimit: ctx.rateLimit },
        schema: {
          operationId: "createApply",
          summary: "Record the report of one apply",
          description:
            "The runner sends its final report here (`qac apply --report-to URL`). Its runs with a run id are then " +
            "kept fresh by the poller.",
          tags: ["applies"],
          security: BEARER,
          body: { $ref: APPLY_REPORT_SCHEMA_ID },
          response: { 201: ref("apply-created"), ...errorResponses(400, 401, 413, 429) },
        },
      },
      async (request, reply) => {
        const id = ctx.store.applies.insert(request.body, ctx.now());
        ctx.events.publish({ type: "apply", data: { id, plan: request.body.plan.name } });
        return reply.status(201).send({ id });
      },
    );
    app.get<{ Querystring: { plan?: string; limit: number; offset: number } }>(
      "/api/v1/applies",
      {
        onRequest: ctx.auth.read,
        schema: {
          operationId: "listApplies",
          summary: "List applies, newest first",
          security: readSecurity(ctx.protectReads),
          tags: ["applies"],
          querystring: ref("applies-query"),
          response: { 200: ref("apply-list"), ...errorResponses(400, 401) },
        },
      },
      async (request) => ctx.store.applies.list(request.query),
    );
    app.get<{ Params: { id: number } }>(
      "/api/v1/applies/:id",
      {
        onRequest: ctx.auth.read,
        schema: {
          operationId: "getApply",
          summary: "One stored apply report",
          security: readSecurity(ctx.protectReads),
          tags: ["applies"],
          params: { type: "object", required: ["id"], properties: { id: { type: "integer", minimum: 1 } } },
          response: { 200: ref("stored-apply"), ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => {
        const apply = ctx.store.applies.get(request.params.id);
        if (!apply)
          throw new StatusServerError(
            "STATUS_NOT_FOUND",
            `No apply with id ${request.params.id}; GET /api/v1/applies lists them.`,
          );
        return apply;
      },
    );
  };
}
