import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import Fastify, { LogController, type FastifyInstance } from "fastify";
import { createAuth } from "./auth/create-auth.js";
import { StatusServerError } from "./errors.js";
import { createEventHub, type EventHub } from "./events/create-event-hub.js";
import { installErrorHandler } from "./http/error-handler.js";
import { openapiOptions } from "./http/openapi-options.js";
import { installRequestLog, loggerOptions } from "./http/request-log.js";
import { installSecurityHeaders } from "./http/security-headers.js";
import { resolveServerOptions, type StatusServerOptions } from "./options.js";
import type { Poller } from "./poller/create-poller.js";
import { createServerPoller } from "./poller/create-server-poller.js";
import { applyRoutes } from "./routes/apply-routes.js";
import { docsRoutes } from "./routes/docs-routes.js";
import { eventRoutes } from "./routes/event-routes.js";
import { leaseRoutes } from "./routes/lease-routes.js";
import { ledgerRoutes } from "./routes/ledger-routes.js";
import { createMetrics } from "./metrics/create-metrics.js";
import { opsRoutes } from "./routes/ops-routes.js";
import { pageRoutes } from "./routes/page-routes.js";
import { planRoutes } from "./routes/plan-routes.js";
import { allSchemas, createValidatorCompiler } from "./schema/create-validators.js";
import { cachePlans, type ServerContext } from "./server-context.js";
import type { StatusStore } from "./store/status-store.js";

declare module "fastify" {
  interface FastifyInstance {
    /** The status server's parts, for `main.ts`, tests and benchmarks. */
    qacStatus: { store: StatusStore; events: EventHub; poller: Poller | null };
  }
}

/**
 * Links runs into QAComplete's web UI only when told how (`--run-link`): the REST resource of a
 * run answers a browser with a 401 JSON page, so without a template run ids stay plain text.
 */
function linkMaker(template: string | undefined): ServerContext["runLink"] {
  if (!template) return () => null;
  return (projectId, runId) =>
    runId === null ? null : template.replaceAll("{projectId}", String(projectId)).replaceAll("{runId}", String(runId));
}

/**
 * Builds the status server (not listening; `main.ts` and `qac serve` listen). Closing the app
 * stops the poller and closes the store.
 * @throws StatusServerError `STATUS_CONFIG` for bad options
 * @example
 * const app = buildServer({ store: openSqliteStore("status.db"), token: process.env.QAC_STATUS_TOKEN! });
 * await app.listen({ host: "127.0.0.1", port: 8790 });
 */
export function buildServer(options: StatusServerOptions): FastifyInstance {
  const o = resolveServerOptions(options);
  const app = Fastify({
    bodyLimit: o.bodyLimit,
    logger: loggerOptions(o.logger),
    // One line per request from installRequestLog instead of fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // Apply identities (ledger paths) can be longer than fastify's default of 100 characters.
    routerOptions: { maxParamLength: 500 },
  });
  app.setValidatorCompiler(createValidatorCompiler());
  // Response schemas document the API (OpenAPI) and are checked in tests; answers are plain JSON.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  for (const schema of allSchemas()) app.addSchema(schema);

  const events = createEventHub();
  const poller = createServerPoller(o, events, app.log);
  const plans = cachePlans(o.store);
  const metrics = createMetrics({
    plans,
    poller,
    leases: () => o.store.leases.list(o.now()).length,
    sseClients: () => events.size(),
  });
  const ctx: ServerContext = {
    store: o.store,
    events,
    poller,
    auth: createAuth({
      token: o.token,
      adminToken: o.adminToken,
      readToken: o.readToken,
      protectReads: o.protectReads,
    }),
    now: o.now,
    runLink: linkMaker(o.runLinkTemplate),
    plans,
    rateLimit: { max: o.rateLimit.max, timeWindow: o.rateLimit.windowMs },
    protectReads: o.protectReads,
    maxEventStreams: o.maxEventStreams,
    maxEventStreamsPerClient: o.maxEventStreamsPerClient,
    metrics,
  };
  app.decorate("qacStatus", { store: o.store, events, poller });
  installErrorHandler(app);
  installSecurityHeaders(app);
  installRequestLog(app);
  app.addHook("onResponse", async (request, reply) =>
    metrics.observeRequest({
      method: request.method,
      route: request.routeOptions.url ?? "unknown",
      statusCode: reply.statusCode,
      seconds: reply.elapsedTime / 1000,
    }),
  );

  void app.register(swagger, openapiOptions(o.protectReads));
  void app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new StatusServerError(
        "STATUS_RATE_LIMITED",
        `Too many writes: at most ${context.max} per ${context.after}; retry later.`,
      ),
  });
  void app.register(async (api) => {
    await api.register(applyRoutes(ctx));
    await api.register(planRoutes(ctx));
    await api.register(ledgerRoutes(ctx));
    await api.register(leaseRoutes(ctx));
    await api.register(eventRoutes(ctx));
    await api.register(opsRoutes(ctx));
    await api.register(pageRoutes(ctx));
    await api.register(docsRoutes(ctx));
  });

  if (poller && o.poller?.autoStart !== false)
    app.addHook("onReady", (done) => {
      poller.start();
      done();
    });
  app.addHook("onClose", async () => {
    await poller?.stop();
    o.store.close();
  });
  return app;
}
