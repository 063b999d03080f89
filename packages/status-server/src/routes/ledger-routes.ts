/* eslint-disable @typescript-eslint/require-await -- fastify plugins, hooks and handlers are async by contract */
import type { FastifyPluginAsync } from "fastify";
import { BEARER } from "../http/openapi-options.js";
import type { ServerContext } from "../server-context.js";
import { errorResponses, ref } from "./schema-ref.js";

const params = {
  type: "object",
  required: ["applyIdentity"],
  properties: { applyIdentity: { type: "string", minLength: 1, maxLength: 500 } },
};

/** The runner's `--once-per` ledger: which desired runs an apply identity already created. */
export function ledgerRoutes(ctx: ServerContext): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { applyIdentity: string }; Querystring: { project: number } }>(
      "/api/v1/ledger/:applyIdentity",
      {
        // The ledger steers what the runner creates, so reading it needs the write token too.
        onRequest: ctx.auth.write,
        schema: {
          operationId: "getLedgerEntries",
          summary: "Runs recorded for a --once-per id",
          tags: ["ledger"],
          security: BEARER,
          params,
          querystring: ref("ledger-query"),
          response: { 200: ref("ledger-entries"), ...errorResponses(400, 401) },
        },
      },
      async (request) => ({ entries: ctx.store.ledger.entries(request.query.project, request.params.applyIdentity) }),
    );
    app.post<{
      Params: { applyIdentity: string };
      Body: { project: number; entries: { identity: string; runId: number | null; intentAt?: string | null }[] };
    }>(
      "/api/v1/ledger/:applyIdentity",
      {
        onRequest: ctx.auth.write,
        config: { rateLimit: ctx.rateLimit },
        schema: {
          operationId: "recordLedgerEntries",
          summary: "Record runs for a --once-per id (idempotent; all or nothing)",
          tags: ["ledger"],
          security: BEARER,
          params,
          body: ref("ledger-record"),
          response: { 200: ref("ledger-recorded"), 409: ref("ledger-conflict"), ...errorResponses(400, 401, 429) },
        },
      },
      async (request, reply) => {
        const result = ctx.store.ledger.record(
          request.body.project,
          request.params.applyIdentity,
          request.body.entries,
          ctx.now(),
        );
        if (!result.ok) {
          const e = result.existing;
          return reply.status(409).send({
            error: {
              code: "STATUS_LEDGER_CONFLICT",
              message:
                `${e.identity} is already recorded under --once-per ${request.params.applyIdentity} with run ` +
                `${e.runId}; nothing of this request was stored.`,
            },
            existing: e,
          });
        }
        return { recorded: result.recorded, added: result.added };
      },
    );
  };
}
