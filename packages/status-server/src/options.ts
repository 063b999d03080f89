import type { QacClient } from "@qac/core";
import { StatusServerError } from "./errors.js";
import { LOG_LEVELS } from "./http/request-log.js";
import type { PollerOptions } from "./poller/create-poller.js";
import type { StatusStore } from "./store/status-store.js";

/** Options of {@link buildServer}. */
export interface StatusServerOptions {
  /** Where data lives; e.g. `openSqliteStore(file)`. The server closes it on `app.close()`. */
  store: StatusStore;
  /** Bearer token for writes and lease operations (`QAC_STATUS_TOKEN`); at least 16 characters. */
  token: string;
  /** Token that may also break leases (`QAC_STATUS_ADMIN_TOKEN`); without it leases cannot be broken. */
  adminToken?: string;
  /** Require a token for reads too (page, API, events, badges). @default false */
  protectReads?: boolean;
  /** A token that may only read (`QAC_STATUS_READ_TOKEN`); the write and admin tokens also read. */
  readToken?: string;
  /** QAComplete connection for live status; without it statuses are those the runner reported. */
  qac?: { client: QacClient };
  /**
   * Link of a run into QAComplete's web UI, with `{projectId}` and `{runId}` placeholders
   * (`qac serve --run-link`). QAComplete's deep-link format is not documented (UNCONFIRMED), so
   * there is no default: without it run ids are plain text (a run's REST resource is no page a
   * browser can show).
   * @default no links
   */
  runLinkTemplate?: string;
  /** Poller tuning; `autoStart: false` leaves polling to `app.qacStatus.poller.pollOnce()` (tests). */
  poller?: Omit<PollerOptions, "client" | "store" | "onChanges" | "now"> & { autoStart?: boolean };
  /** Largest request body in bytes. @default 5 MiB */
  bodyLimit?: number;
  /** Writes allowed per client address and window. @default { max: 300, windowMs: 60000 } */
  rateLimit?: { max: number; windowMs: number };
  /** Event streams (`/events`, one per open page) served at once; more are refused with 429. @default 1000 */
  maxEventStreams?: number;
  /**
   * Event streams one client address may hold at once; more are refused with 429, so one client
   * cannot take them all. Behind a reverse proxy every browser shares the proxy's address: raise it there.
   * @default 20
   */
  maxEventStreamsPerClient?: number;
  /** Clock (leases, lag). @default () => new Date() */
  now?: () => Date;
  /**
   * Server log as pino JSON lines (fastify's logger): one line per request and one per poll
   * round, never a token or password. `true` logs at info to stdout; or give the level and a
   * stream.
   * @default false
   */
  logger?: boolean | { level?: (typeof LOG_LEVELS)[number]; stream?: { write(line: string): void } };
}

/** Options with defaults applied. */
export type ResolvedServerOptions = Required<
  Pick<
    StatusServerOptions,
    "bodyLimit" | "rateLimit" | "now" | "protectReads" | "logger" | "maxEventStreams" | "maxEventStreamsPerClient"
  >
> &
  StatusServerOptions;

/**
 * Checks every option but the store, so a server that cannot start is refused before its store
 * is opened (and leaves no database file behind); each problem is a STATUS_CONFIG error naming
 * the option or its variable and the fix.
 */
export function checkServerOptions(options: Omit<StatusServerOptions, "store">): void {
  const check = (name: string, env: string, value: unknown) => {
    if (typeof value !== "string" || value.length < 16) {
      throw new StatusServerError(
        "STATUS_CONFIG",
        `${env} ${value === undefined || value === "" ? "is missing" : "is too short"} (option \`${name}\`); set it ` +
          `to a random secret of at least 16 characters (e.g. \`openssl rand -hex 24\`).`,
      );
    }
  };
  check("token", "QAC_STATUS_TOKEN", options.token);
  if (options.adminToken !== undefined) check("adminToken", "QAC_STATUS_ADMIN_TOKEN", options.adminToken);
  if (options.readToken !== undefined) check("readToken", "QAC_STATUS_READ_TOKEN", options.readToken);
  for (const [name, flag, value] of [
    ["maxEventStreams", "--max-event-streams", options.maxEventStreams],
    ["maxEventStreamsPerClient", "--max-event-streams-per-client", options.maxEventStreamsPerClient],
  ] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 1))
      throw new StatusServerError(
        "STATUS_CONFIG",
        `${flag} (option \`${name}\`) must be a whole number of at least 1, got ${String(value)}.`,
      );
  }
  const level = typeof options.logger === "object" ? options.logger.level : undefined;
  if (level !== undefined && !(LOG_LEVELS as readonly string[]).includes(level))
    throw new StatusServerError(
      "STATUS_CONFIG",
      `The log level (qac serve --log-level, option \`logger.level\`) must be one of ${LOG_LEVELS.join(", ")}, got ` +
        `${JSON.stringify(level)}.`,
    );
  if (options.runLinkTemplate !== undefined && !/^https?:\/\/.*\{runId\}/.test(options.runLinkTemplate)) {
    throw new StatusServerError(
      "STATUS_CONFIG",
      `The run link (qac serve --run-link, option \`runLinkTemplate\`) must be an http(s) URL containing {runId}, ` +
        `got ${JSON.stringify(options.runLinkTemplate)}.`,
    );
  }
}

/** Checks options; each problem is one STATUS_CONFIG error that names the option and the fix. */
export function resolveServerOptions(options: StatusServerOptions): ResolvedServerOptions {
  if (typeof options !== "object" || options === null || typeof options.store !== "object" || options.store === null) {
    throw new StatusServerError(
      "STATUS_CONFIG",
      "buildServer: option `store` is missing; pass e.g. openSqliteStore(file).",
    );
  }
  checkServerOptions(options);
  return {
    ...options,
    bodyLimit: options.bodyLimit ?? 5 * 1024 * 1024,
    rateLimit: options.rateLimit ?? { max: 300, windowMs: 60_000 },
    maxEventStreams: options.maxEventStreams ?? 1000,
    maxEventStreamsPerClient: options.maxEventStreamsPerClient ?? 20,
    now: options.now ?? (() => new Date()),
    protectReads: options.protectReads ?? false,
    logger: options.logger ?? false,
  };
}
