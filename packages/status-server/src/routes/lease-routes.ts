/* eslint-disable @typescript-eslint/require-await -- fastify plugins, hooks and handlers are async by contract */
import type { StatusLeaseRequest } from "@qac/schemas";
import type { FastifyPluginAsync } from "fastify";
import { StatusServerError } from "../errors.js";
import { BEARER, readSecurity } from "../http/openapi-options.js";
import type { ServerContext } from "../server-context.js";
import { errorResponses, noQuery, ref } from "./schema-ref.js";

/** `?force=true`, read before validation has coerced the query. */
const isForce = (query: unknown): boolean => {
  const force = (query as { force?: unknown } | null)?.force;
  return force === true || force === "true";
};

const idParams = {
  type: "object",
  required: ["id"],
  properties: { id: { type: "string", minLength: 1, maxLength: 100 } },
};

/** Leases on (project, plan): take, renew, release, list, break. */
export function leaseRoutes(ctx: ServerContext): FastifyPluginAsync {
  return async (app) => {
    const write = { onRequest: ctx.auth.write, config: { rateLimit: ctx.rateLimit } };
    app.post<{ Body: StatusLeaseRequest }>(
      "/api/v1/leases",
      {
        ...write,
        schema: {
          operationId: "acquireLease",
          summary: "Take the lease on (project, plan)",
          tags: ["leases"],
          security: BEARER,
          body: ref("lease-request"),
          response: { 201: ref("lease"), 409: ref("lease-conflict"), ...errorResponses(400, 401, 429) },
        },
      },
      async (request, reply) => {
        const result = ctx.store.leases.acquire(request.body, ctx.now());
        if (!result.ok) {
          const held = result.current;
          const who =
            `${held.holder.name}${held.holder.host ? ` on ${held.holder.host}` : ""}` +
            `${held.holder.ciJob ? ` (job ${held.holder.ciJob})` : ""}`;
          throw new StatusServerError(
            "STATUS_LEASE_HELD",
            `Plan ${held.plan} in project ${held.project} is leased by ${who} until ${held.expiresAt}; wait, or ask ` +
              `an admin to break lease ${held.id}.`,
            { lease: held },
          );
        }
        ctx.events.publish({
          type: "lease",
          data: { id: result.lease.id, project: result.lease.project, plan: result.lease.plan, state: "acquired" },
        });
        return reply.status(201).send(result.lease);
      },
    );
    app.put<{ Params: { id: string }; Body: { ttlSeconds: number } }>(
      "/api/v1/leases/:id",
      {
        ...write,
        schema: {
          operationId: "renewLease",
          summary: "Renew a lease (now + ttlSeconds)",
          tags: ["leases"],
          security: BEARER,
          params: idParams,
          body: ref("lease-renew"),
          response: { 200: ref("lease"), ...errorResponses(400, 401, 404, 410, 429) },
        },
      },
      async (request) => {
        const result = ctx.store.leases.renew(request.params.id, request.body.ttlSeconds, ctx.now());
        if (result === "missing")
          throw new StatusServerError(
            "STATUS_LEASE_NOT_FOUND",
            `No lease ${request.params.id}; take a new one with POST /api/v1/leases.`,
          );
        if (result === "ended")
          throw new StatusServerError(
            "STATUS_LEASE_GONE",
            `Lease ${request.params.id} expired or was broken; stop, then take a new one with POST /api/v1/leases.`,
          );
        return result;
      },
    );
    app.get(
      "/api/v1/leases",
      {
        onRequest: ctx.auth.read,
        schema: {
          operationId: "listLeases",
          summary: "Leases held now",
          security: readSecurity(ctx.protectReads),
          tags: ["leases"],
          querystring: noQuery,
          response: { 200: ref("lease-list"), ...errorResponses(401) },
        },
      },
      async () => ({
        leases: ctx.store.leases.list(ctx.now()),
      }),
    );
    app.delete<{ Params: { id: string }; Querystring: { force?: boolean } }>(
      "/api/v1/leases/:id",
      {
        // Releasing needs the write token, force (break) the admin token; checked before the body or query is
        // validated.
        onRequest: (request, reply) =>
          isForce(request.query) ? ctx.auth.admin(request, reply) : ctx.auth.write(request, reply),
        config: { rateLimit: ctx.rateLimit },
        schema: {
          operationId: "releaseLease",
          summary: "Release a lease (holder), or break it with ?force=true (admin token)",
          tags: ["leases"],
          security: BEARER,
          params: idParams,
          querystring: {
            type: "object",
            additionalProperties: false,
            properties: { force: { type: "boolean", default: false } },
          },
          response: {
            204: { type: "null", description: "Released or broken" },
            ...errorResponses(400, 401, 403, 404, 429),
          },
        },
      },
      async (request, reply) => {
        const force = request.query.force === true;
        const result = ctx.store.leases.end(request.params.id, force ? "broken" : "released", ctx.now());
        if (result === "missing")
          throw new StatusServerError(
            "STATUS_LEASE_NOT_FOUND",
            `No lease ${request.params.id}; GET /api/v1/leases lists the leases held now.`,
          );
        if (typeof result === "object")
          ctx.events.publish({
            type: "lease",
            data: { id: result.id, project: result.project, plan: result.plan, state: force ? "broken" : "released" },
          });
        // Releasing a lease that already expired is fine: the holder's intent is met.
        return reply.status(204).send();
      },
    );
  };
}
