import { InvalidArgumentError, Option, type Command } from "commander";
import { CliError } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { addConnectionOptions } from "../options/connection-options.js";
import { parseDuration } from "../options/durations.js";
import { tokenProblem } from "../options/token-problem.js";
import type { CommandContext } from "../run-cli.js";
import { importOptional } from "./import-optional.js";

interface ServeFlags {
  host: string;
  port: number;
  db: string;
  url?: string;
  user?: string;
  passwordStdin?: boolean;
  protectReads?: boolean;
  pollInterval: number;
  runLink?: string;
  maxEventStreams: number;
  maxEventStreamsPerClient: number;
  logLevel: LogLevel;
}

/** pino's levels, as the status server takes them (kept here so `qac --help` does not load the server). */
const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

const port = (raw: string): number => {
  if (!/^\d+$/.test(raw) || Number(raw) > 65535)
    throw new InvalidArgumentError("must be a whole number from 0 to 65535.");
  return Number(raw);
};

const positive = (raw: string): number => {
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new InvalidArgumentError("must be a whole number of at least 1.");
  return Number(raw);
};

/**
 * What to tell someone who binds beyond this machine: plain http carries the tokens in clear, and
 * open reads show apply history to anyone who can reach the port. Null on a loopback address.
 */
export function exposureWarning(host: string, protectReads: boolean): string | null {
  if (host === "localhost" || host === "::1" || /^127\./.test(host)) return null;
  const reads = protectReads
    ? ""
    : " Reads are open: anyone who can reach it sees plans, runs and CI links; add --protect-reads.";
  return (
    `Warning: listening on ${host}, beyond this machine. Tokens travel in clear over plain http; put a TLS ` +
    `proxy in front.${reads}`
  );
}

/** A pause between polls: a duration (plain numbers are seconds), at least 1 s so QAComplete is not flooded. */
const pollInterval = (raw: string): number => {
  const ms = parseDuration(raw);
  if (ms < 1000)
    throw new InvalidArgumentError(`must be at least 1s so QAComplete is not flooded, got ${JSON.stringify(raw)}.`);
  return ms;
};

/**
 * `qac serve`: starts the status server (apply history, live run status, leases, web page) through
 * @qac/status-server's `startStatusServer`, an optional package loaded only when the command runs.
 * Tokens come from the environment only, never flags, so they do not show in `ps`.
 */
export function registerServe(program: Command, ctx: CommandContext): void {
  const command = program
    .command("serve")
    .description("start the status server: apply history, live run status, leases and a web page")
    .option("--host <address>", "interface to bind", "127.0.0.1")
    .option("--port <n>", "port to listen on, 0 = any free port", port, 8790)
    .option("--db <file>", "SQLite database file", "qac-status.db");
  addConnectionOptions(command, null)
    .option(
      "--protect-reads",
      "require a token for reading too (page, API, badges); $QAC_STATUS_READ_TOKEN may only read",
    )
    .addOption(
      new Option("--poll-interval <duration>", "pause between live-status refreshes, at least 1s (e.g. 5s, 1m)")
        .argParser(pollInterval)
        .default(5000, "5s"),
    )
    .option(
      "--run-link <template>",
      "link of a run into the QAComplete web UI, with {projectId} and {runId} (default: run ids are not linked)",
    )
    .option("--max-event-streams <n>", "live-update streams (open pages) served at once", positive, 1000)
    .option(
      "--max-event-streams-per-client <n>",
      "live-update streams one client address may hold (raise it behind a reverse proxy)",
      positive,
      20,
    )
    .addOption(
      new Option("--log-level <level>", "JSON log lines on stdout: one per request and per poll round")
        .choices(LOG_LEVELS)
        .default("info"),
    )
    .addHelpText(
      "after",
      `
Environment:
  QAC_STATUS_TOKEN        bearer token for writes and leases (required, 16+ characters)
  QAC_STATUS_ADMIN_TOKEN  token that may also break leases
  QAC_STATUS_READ_TOKEN   token that may only read (with --protect-reads)
  QAC_URL, QAC_USER, QAC_PASSWORD  QAComplete connection for live status (optional)

Example:
  $ QAC_STATUS_TOKEN=$(openssl rand -hex 24) qac serve --port 8790`,
    )
    .action(async (flags: ServeFlags) => {
      const env = ctx.io.env;
      const problem = tokenProblem(env);
      if (problem) throw new CliError("CLI_USAGE", problem);
      const { connect } = await import("../connect/connect.js");
      // An optional package: said in one line, before any password is read.
      const { startStatusServer, isStatusServerError } = await importOptional(
        "@qac/status-server",
        "qac serve",
        () => import("@qac/status-server"),
      );
      const wantsQac = Boolean(
        flags.url || flags.user || flags.passwordStdin || env["QAC_URL"] || env["QAC_USER"] || env["QAC_PASSWORD"],
      );
      // A poll round must not hang on a rate limit: the poller backs off and asks again later.
      const client = wantsQac ? await connect(flags, ctx, { rateLimitWaitMs: 60_000 }) : undefined;
      const out = (line: string) => ctx.io.stdout.write(`${line}\n`);
      let server;
      try {
        // Closes the client itself when it fails to start or stops.
        server = await startStatusServer({
          dbFile: flags.db,
          host: flags.host,
          port: flags.port,
          token: env["QAC_STATUS_TOKEN"] ?? "",
          adminToken: env["QAC_STATUS_ADMIN_TOKEN"] || undefined,
          readToken: env["QAC_STATUS_READ_TOKEN"] || undefined,
          protectReads: flags.protectReads === true,
          qac: client ? { client } : undefined,
          poller: { intervalMs: flags.pollInterval },
          runLinkTemplate: flags.runLink,
          maxEventStreams: flags.maxEventStreams,
          maxEventStreamsPerClient: flags.maxEventStreamsPerClient,
          // The same pino JSON lines as the standalone server (main.ts), on this command's stdout.
          logger: { level: flags.logLevel, stream: ctx.io.stdout },
        });
      } catch (error) {
        if (isStatusServerError(error)) throw new CliError("CLI_USAGE", error.message);
        throw error;
      }
      const url = server.url;
      const warning = exposureWarning(flags.host, flags.protectReads === true);
      if (warning) ctx.io.stderr.write(`${warning}\n`);
      out(`qac status server listening on ${url}`);
      out(`  Page:      ${url}/`);
      out(`  API docs:  ${url}/docs`);
      out(`  Database:  ${flags.db}`);
      out(
        client
          ? `  Live status from ${client.baseUrl} every ${flags.pollInterval} ms`
          : "  Live status off (no QAComplete connection: set QAC_URL, QAC_USER, QAC_PASSWORD)",
      );
      out("Press Ctrl+C to stop.");
      const signal = await (ctx.io.waitForStop ?? (() => new Promise<string>(() => undefined)))();
      out(`${signal}: shutting down`);
      await server.close();
      ctx.setExit(EXIT.OK);
    });
}
