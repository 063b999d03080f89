/* eslint-disable @typescript-eslint/require-await -- fastify plugins, hooks and handlers are async by contract */
import type { ServerResponse } from "node:http";
import type { FastifyPluginAsync } from "fastify";
import { StatusServerError } from "../errors.js";
import type { ServerContext } from "../server-context.js";

/** `GET /events`: server-sent events (`apply`, `run`, `lease`) for the page and anyone listening. */
export function eventRoutes(ctx: ServerContext, heartbeatMs = 15_000): FastifyPluginAsync {
  return async (app) => {
    const open = new Set<ServerResponse>();
    // Event streams never go idle, so end them ourselves or close() would wait for them forever.
    app.addHook("preClose", async () => {
      for (const res of open) res.end();
    });
    app.get(
      "/events",
      {
        onRequest: ctx.auth.read,
        schema: { summary: "Live updates as server-sent events (apply, run, lease)", tags: ["live"], hide: false },
      },
      (request, reply) => {
        // Each stream holds a socket and a listener for as long as the page is open: bound them.
        if (open.size >= ctx.maxEventStreams)
          throw new StatusServerError(
            "STATUS_RATE_LIMITED",
            `Too many open event streams (${ctx.maxEventStreams}); close other pages of this server or retry later. The page works without live updates.`,
          );
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
        });
      },
    );
  };
}
