import { createClient, type QacClient } from "@qac/core";
import type { FastifyInstance } from "fastify";
import { buildServer } from "./build-server.js";
import { StatusServerError } from "./errors.js";
import { checkServerOptions, type StatusServerOptions } from "./options.js";
import { openSqliteStore } from "./sqlite/open-sqlite-store.js";

/** Options of {@link startStatusServer}: what `qac serve` and `main.ts` take from flags and environment. */
export interface StartStatusServerOptions extends Omit<StatusServerOptions, "store" | "qac"> {
  /** SQLite file; its directory is created. @default "qac-status.db" */
  dbFile?: string;
  /** @default "127.0.0.1" */
  host?: string;
  /** @default 8790 (0 = any free port) */
  port?: number;
  /**
   * QAComplete connection for live status (`QAC_URL`, `QAC_USER`, `QAC_PASSWORD`), or a client
   * made by the caller; either way the server closes the client when it closes (or fails to
   * start). Omit to run without polling.
   */
  qac?: { url: string; username: string; password: string } | { client: QacClient };
}

/** A listening status server. */
export interface RunningStatusServer {
  /** e.g. http://127.0.0.1:8790 */
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** A listen failure said in the user's terms (flags), or the error itself when it is unexpected. */
function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const where = `${host}:${port}`;
  if (code === "EADDRINUSE")
    return new StatusServerError(
      "STATUS_CONFIG",
      `Cannot listen on ${where}: the port is already in use (another qac serve?); stop that server or choose ` +
        `another --port.`,
    );
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND")
    return new StatusServerError(
      "STATUS_CONFIG",
      `Cannot listen on ${where}: this machine has no such address; check --host.`,
    );
  if (code === "EACCES")
    return new StatusServerError(
      "STATUS_CONFIG",
      `Cannot listen on ${where}: not allowed to use this port; choose a --port above 1023.`,
    );
  return error;
}

/**
 * Checks the options, opens the store, connects to QAComplete (when given), builds the server and
 * listens. Nothing is opened when an option is wrong, and everything is closed again when listening
 * fails.
 * @throws StatusServerError `STATUS_CONFIG` for a bad option, a port in use or an unknown host
 * @example const server = await startStatusServer({ token, qac: { url, username, password } })
 */
export async function startStatusServer(options: StartStatusServerOptions): Promise<RunningStatusServer> {
  const { dbFile = "qac-status.db", host = "127.0.0.1", port = 8790, qac, ...rest } = options;
  const client = qac && "client" in qac ? qac.client : undefined;
  try {
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new StatusServerError("STATUS_CONFIG", `--port must be a whole number 0..65535, got ${String(port)}.`);
    checkServerOptions(rest);
  } catch (error) {
    await client?.close();
    throw error;
  }
  const store = openSqliteStore(dbFile);
  const qacClient =
    client ??
    (qac && "url" in qac
      ? createClient({ baseUrl: qac.url, username: qac.username, password: qac.password })
      : undefined);
  let app: FastifyInstance;
  try {
    app = buildServer({ ...rest, store, qac: qacClient ? { client: qacClient } : undefined });
  } catch (error) {
    store.close();
    await qacClient?.close();
    throw error;
  }
  app.addHook("onClose", async () => qacClient?.close());
  try {
    await app.listen({ host, port });
  } catch (error) {
    await app.close();
    throw listenError(error, host, port);
  }
  const address = app.server.address();
  const bound = typeof address === "object" && address !== null ? address.port : port;
  const shown = host.includes(":") ? `[${host}]` : host;
  return { url: `http://${shown}:${bound}`, app, close: () => app.close() };
}
