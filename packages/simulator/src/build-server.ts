import fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import { BODY_LIMIT_BYTES, describeError } from "./http/describe-error.js";
import { errorBody, type ErrorDescription } from "./http/error-body.js";
import { HttpError, NOT_FOUND } from "./http/http-error.js";
import { registerAgentRoutes } from "./routes/agent-routes.js";
import { registerAutomationRoutes } from "./routes/automation-routes.js";
import { registerLibraryRoutes } from "./routes/library-routes.js";
import { registerProjectRoutes } from "./routes/project-routes.js";
import { registerRunItemRoutes } from "./routes/run-item-routes.js";
import { registerTestAutomationRoutes } from "./routes/test-automation-routes.js";
import { registerTestRunRoutes } from "./routes/testrun-routes.js";
import type { Runtime } from "./runtime.js";

const PREFIX = "/rest-api/service";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The route key used by counters and fault rules, e.g. "GET /api/v2/projects/:projectId/testruns". */
export function routeKeyOf(method: string, routeUrl: string | undefined): string {
  if (routeUrl === undefined) return `${method} (unmatched)`;
  return `${method} ${routeUrl.startsWith(PREFIX) ? routeUrl.slice(PREFIX.length) : routeUrl}`;
}

/** Parses an urlencoded form into a flat object (reference §11.16: form bodies are accepted). */
function parseForm(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

/**
 * Builds the fastify app of the simulator (not listening). Every request is counted, may meet an
 * injected fault, lets due lifecycle events happen, and every error is answered in the body style
 * of `rt.strictness.errorBodies` (`{"Message": ...}` by default, reference §11.5; ServiceStack's
 * `ResponseStatus`, reference §13).
 */
export function buildServer(rt: Runtime, options: { logger?: boolean } = {}): FastifyInstance {
  const sendError = (reply: FastifyReply, error: ErrorDescription) =>
    reply.code(error.status).send(errorBody(rt.strictness.errorBodies, error));
  const app = fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT_BYTES, return503OnClosing: false });

  // An empty JSON body is an empty object: the restart sample posts `Content-Length: 0` (§3.5).
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === "") return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(
        new HttpError(400, "The request body is not valid JSON", { errorCode: "SerializationException" }),
        undefined,
      );
    }
  });
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, body, done) =>
    done(null, parseForm(String(body))),
  );

  const resetAfter = new WeakSet<object>();
  app.addHook("onRequest", async (request, reply) => {
    const key = routeKeyOf(request.method, request.routeOptions.url);
    rt.counters.count(key);
    const fault = rt.faults.decide(key);
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    if (fault.reset === "before") {
      reply.hijack();
      reply.raw.destroy(new Error("Injected fault: connection reset"));
      return;
    }
    if (fault.reset === "after") resetAfter.add(request);
    if (fault.status !== undefined) {
      if (fault.retryAfterSeconds !== undefined) void reply.header("retry-after", String(fault.retryAfterSeconds));
      await sendError(reply, describeError(new HttpError(fault.status, `Injected fault: HTTP ${fault.status}`)));
      return reply;
    }
    rt.sync();
  });
  app.addHook("onSend", async (request, reply, payload) => {
    // The handler ran and changed state; the client never hears back.
    if (resetAfter.has(request)) {
      reply.hijack();
      reply.raw.destroy(new Error("Injected fault: connection reset"));
      // Never hand the payload back: fastify would still write it (fastify.inject would deliver it).
      return new Promise<never>(() => undefined);
    }
    return payload;
  });

  app.setErrorHandler((error, _request, reply) => {
    const described = describeError(error);
    if (described.unexpected) reply.log.error(error);
    return sendError(reply.headers(described.headers), described);
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, describeError(new HttpError(404, NOT_FOUND))));

  // Route keys, so that a fault rule or counter naming no route fails instead of silently doing nothing.
  const routeKeys = new Set<string>();
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) routeKeys.add(routeKeyOf(method, route.url));
  });
  registerTestRunRoutes(app, rt);
  registerRunItemRoutes(app, rt);
  registerLibraryRoutes(app, rt);
  registerTestAutomationRoutes(app, rt);
  registerProjectRoutes(app, rt);
  registerAutomationRoutes(app, rt);
  registerAgentRoutes(app, rt);
  rt.faults.knowRoutes(routeKeys);
  rt.counters.knowRoutes(routeKeys);
  return app;
}
