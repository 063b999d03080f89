/* eslint-disable @typescript-eslint/require-await -- fastify plugins, hooks and handlers are async by contract */
import type { ServerResponse } from "node:http";
import type { FastifyPluginAsync } from "fastify";
import { StatusServerError } from "../errors.js";
import { createStreamSlots } from "../events/stream-slots.js";
import { logRequest } from "../http/request-log.js";
import { readSecurity } from "../http/openapi-options.js";
import type { ServerContext } from "../server-context.js";
import { errorResponses, textResponse } from "./schema-ref.js";

/** `GET /events`: server-sent events (`apply`, `run`, `lease`) for the page and anyone listening. */
export function eventRoutes(ctx: ServerContext, heartbeatMs = 15_000): FastifyPluginAsync {
  return async (app) => {
    const open = new Set<ServerResponse>();
    const slots = createStreamSlots({ total: ctx.maxEventStreams, perClient: ctx.maxEventStreamsPerClient });
    // Event streams never go idle, so end them ourselves or close() would wait for them forever.
    app.addHook("preClose", async () => {
      for (const res of open) res.end();
    });
    app.get(
      "/events",
      {
        onRequest: ctx.auth.read,
        schema: {
          operationId: "streamEvents",
          summary: "Live updates as server-sent events (apply, run, lease)",
          tags: ["live"],
          security: readSecurity(ctx.protectReads),
          response: {
            200: textResponse("text/event-stream", "Events `apply`, `run` and `lease`, each `data` a JSON object."),
            ...errorResponses(401, 429),
          },
        },
      },
      (request, reply) => {
        // Each stream holds a socket and a listener for as long as the page is open: bound them in
        // total and per address, so one client cannot take every stream.
        const slot = slots.take(request.ip);
        if (typeof slot !== "function") {
          void reply.header("retry-after", "30");
          throw new StatusServerError(
            "STATUS_RATE_LIMITED",
            slot.reason === "client"
              ? `Too many open event streams from ${request.ip} (at most ${slot.limit} per client address); close ` +
                  `other pages of this server or retry later. The page works without live updates.`
              : `Too many open event streams (${slot.limit}); close other pages of this server or retry later. The ` +
                  `page works without live updates.`,
            { limit: { scope: slot.reason === "client" ? "client" : "server", max: slot.limit } },
          );
        }
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          "content-type": "text/event-stream; charset=utf-8",
          "cache-control": "no-store",
          connection: "keep-alive",
          "x-content-type-options": "nosniff",
          "x-accel-buffering": "no",
        });
        res.write("retry: 3000\n\n");
        open.add(res);
        const unsubscribe = ctx.events.subscribe((event) => {
          res.write(`event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
        });
        const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), heartbeatMs).unref();
        request.raw.on("close", () => {
          clearInterval(heartbeat);
          unsubscribe();
          open.delete(res);
          slot();
          logRequest(request, 200, reply.elapsedTime);
        });
      },
    );
  };
}
