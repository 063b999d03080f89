/**
 * Standalone entry (`node packages/status-server/dist/main.js`): configuration from the
 * environment only. `qac serve` is the same with flags.
 *   QAC_STATUS_TOKEN (required), QAC_STATUS_ADMIN_TOKEN, QAC_STATUS_READ_TOKEN (setting it also
 *   protects reads), QAC_STATUS_DB,
 *   QAC_STATUS_HOST (127.0.0.1), QAC_STATUS_PORT (8790), QAC_URL + QAC_USER + QAC_PASSWORD,
 *   QAC_STATUS_LOG_LEVEL (info; JSON lines on stdout).
 */
import { isStatusServerError } from "./errors.js";
import type { LOG_LEVELS } from "./http/request-log.js";
import { startStatusServer } from "./start-status-server.js";

const env = process.env;
const qac =
  env["QAC_URL"] && env["QAC_USER"] && env["QAC_PASSWORD"]
    ? { url: env["QAC_URL"], username: env["QAC_USER"], password: env["QAC_PASSWORD"] }
    : undefined;
try {
  const server = await startStatusServer({
    token: env["QAC_STATUS_TOKEN"] ?? "",
    adminToken: env["QAC_STATUS_ADMIN_TOKEN"] || undefined,
    readToken: env["QAC_STATUS_READ_TOKEN"] || undefined,
    protectReads: Boolean(env["QAC_STATUS_READ_TOKEN"]),
    dbFile: env["QAC_STATUS_DB"] || undefined,
    host: env["QAC_STATUS_HOST"] || undefined,
    port: env["QAC_STATUS_PORT"] ? Number(env["QAC_STATUS_PORT"]) : undefined,
    qac,
    logger: { level: (env["QAC_STATUS_LOG_LEVEL"] || "info") as (typeof LOG_LEVELS)[number] },
  });
  console.error(
    `qac status server listening on ${server.url}${qac ? "" : " (no QAComplete connection: live status off)"}`,
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  console.error(
    isStatusServerError(error) ? error.message : `qac status server failed to start: ${(error as Error).message}`,
  );
  process.exit(1);
}
