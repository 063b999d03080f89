import { createClient } from "@qac/core";
import type { FastifyInstance } from "fastify";
import { buildServer } from "./build-server.js";
import { StatusServerError } from "./errors.js";
import type { StatusServerOptions } from "./options.js";
import { openSqliteStore } from "./sqlite/open-sqlite-store.js";

/** Options of {@link startStatusServer}: what `qac serve` and `main.ts` take from flags and environment. */
export interface StartStatusServerOptions extends Omit<StatusServerOptions, "store" | "qac"> {
  /** SQLite file; its directory is created. @default "qac-status.db" */
  dbFile?: string;
  /** @default "127.0.0.1" */
  host?: string;
  /** @default 8790 (0 = any free port) */
  port?: number;
  /** QAComplete connection for live status (`QAC_URL`, `QAC_USER`, `QAC_PASSWORD`); omit to run without polling. */
  qac?: { url: string; username: string; password: string };
}

/** A listening status server. */
export interface RunningStatusServer {
  /** e.g. http://127.0.0.1:8790 */
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * Opens the store, connects to QAComplete (when given), builds the server and listens.
 * @example const server = await startStatusServer({ token, qac: { url, username, password } })
 */
export async function startStatusServer(options: StartStatusServerOptions): Promise<RunningStatusServer> {
  const { dbFile = "qac-status.db", host = "127.0.0.1", port = 8790, qac, ...rest } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new StatusServerError("STATUS_CONFIG", `--port must be a whole number 0..65535, got ${String(port)}.`);
  const store = openSqliteStore(dbFile);
  const client = qac ? createClient({ baseUrl: qac.url, username: qac.username, password: qac.password }) : undefined;
  let app: FastifyInstance;
  try {
    app = buildServer({ ...rest, store, qac: client ? { client } : undefined });
  } catch (error) {
    store.close();
    await client?.close();
    throw error;
  }
  app.addHook("onClose", async () => client?.close());
  await app.listen({ host, port });
  const address = app.server.address();
  const bound = typeof address === "object" && address !== null ? address.port : port;
  const shown = host.includes(":") ? `[${host}]` : host;
  return { url: `http://${shown}:${bound}`, app, close: () => app.close() };
}
