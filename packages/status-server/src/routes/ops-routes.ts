/* eslint-disable @typescript-eslint/require-await -- fastify plugins, hooks and handlers are async by contract */
import type { FastifyPluginAsync } from "fastify";
import { renderBadge } from "../page/render-badge.js";
import type { ServerContext } from "../server-context.js";
import { readSecurity } from "../http/openapi-options.js";
import { errorResponses, ref, textResponse } from "./schema-ref.js";

/** `/healthz`, `/metrics` and `/badge/<plan>.svg`. */
export function opsRoutes(ctx: ServerContext): FastifyPluginAsync {
  return async (app) => {
    // Always open, so load balancers and uptime checks need no token; it shows no data.
    app.get(
      "/healthz",
      {
        schema: {
          operationId: "getHealth",
          summary: "Store and poller health, with the poller's lag",
          security: [],
          tags: ["operations"],
          response: { 200: ref("health"), 503: ref("health") },
        },
      },
      async (_request, reply) => {
        let storeOk = true;
        try {
          ctx.store.check();
        } catch {
          storeOk = false;
        }
        const state = ctx.poller?.state();
        const poller = state
          ? {
              enabled: true,
              lagSeconds: state.lagSeconds,
              unfinishedRuns: state.unfinishedRuns,
              consecutiveFailures: state.consecutiveFailures,
              lastSuccessAt: state.lastSuccessAt,
              lastError: state.lastError,
            }
          : {
              enabled: false,
              lagSeconds: 0,
              unfinishedRuns: 0,
              consecutiveFailures: 0,
              lastSuccessAt: null,
              lastError: null,
            };
        // A lagging poller leaves the server useful (history, leases), so it degrades rather than fails.
        const degraded =
          state !== undefined &&
          (state.consecutiveFailures >= 3 || state.lagSeconds > Math.max(120, (state.intervalMs / 1000) * 10));
        if (!storeOk)
          return reply.status(503).send({
            status: "degraded",
            store: "ok",
            poller,
            error: { code: "STATUS_STORE", message: "The database does not answer." },
          });
        return { status: degraded ? "degraded" : "ok", store: "ok", poller };
      },
    );
    app.get(
      "/metrics",
      {
        onRequest: ctx.auth.read,
        schema: {
          operationId: "getMetrics",
          summary: "Prometheus metrics",
          tags: ["operations"],
          security: readSecurity(ctx.protectReads),
          response: {
            200: textResponse("text/plain", "Prometheus text exposition format 0.0.4."),
            ...errorResponses(401),
          },
        },
      },
      async (_request, reply) => {
        reply.type(ctx.metrics.contentType);
        return ctx.metrics.render();
      },
    );
    app.get<{ Params: { plan: string } }>(
      "/badge/:plan",
      {
        onRequest: ctx.auth.read,
        schema: {
          operationId: "getBadge",
          summary: "SVG badge of a plan (use /badge/<plan>.svg)",
          security: readSecurity(ctx.protectReads),
          tags: ["operations"],
          params: { type: "object", properties: { plan: { type: "string", minLength: 1, maxLength: 204 } } },
          response: { 200: textResponse("image/svg+xml", "The badge."), ...errorResponses(400, 401) },
        },
      },
      async (request, reply) => {
        const name = request.params.plan.replace(/\.svg$/, "");
        const plan = ctx.plans().find((p) => p.plan === name);
        // READMEs show badges through image proxies: allow cross-origin embedding, keep it fresh.
        reply
          .type("image/svg+xml; charset=utf-8")
          .header("cache-control", "no-cache")
          .header("cross-origin-resource-policy", "cross-origin");
        return renderBadge(name, plan?.counts);
      },
    );
  };
}
