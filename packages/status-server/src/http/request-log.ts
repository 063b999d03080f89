import type { FastifyInstance, FastifyRequest, FastifyServerOptions } from "fastify";
import type { StatusServerOptions } from "../options.js";

/** Levels of the server log, quietest last (pino's). */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/**
 * fastify's logger settings for the `logger` option: pino JSON lines at the given level (info by
 * default), to the given stream or stdout. Headers are never logged; should anything log them,
 * authorization and cookies are redacted.
 */
export function loggerOptions(logger: StatusServerOptions["logger"]): FastifyServerOptions["logger"] {
  if (!logger) return false;
  const settings = typeof logger === "object" ? logger : {};
  return {
    level: settings.level ?? "info",
    redact: ["req.headers.authorization", "req.headers.cookie", "headers.authorization", "headers.cookie"],
    ...(settings.stream ? { stream: settings.stream } : {}),
  };
}

/**
 * Logs one answered request: method, path without the query string, route pattern, status, time
 * taken and client address; never headers or bodies, so no token can reach the log.
 */
export function logRequest(request: FastifyRequest, statusCode: number, elapsedMs: number): void {
  request.log.info(
    {
      method: request.method,
      path: request.url.split("?")[0],
      route: request.routeOptions.url ?? null,
      statusCode,
      responseTimeMs: Math.round(elapsedMs * 10) / 10,
      remoteAddress: request.ip,
    },
    "request",
  );
}

/**
 * One log line per answered request, in place of fastify's two. Event streams take over their
 * socket and skip this hook: they log the same line themselves when they end.
 */
export function installRequestLog(app: FastifyInstance): void {
  app.addHook("onResponse", async (request, reply) => logRequest(request, reply.statusCode, reply.elapsedTime));
}
