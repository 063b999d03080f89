import type { QacClient, RequestLogEvent } from "@qac/core";
import { CliError } from "../errors.js";
import type { ConnectionFlags } from "../options/connection-options.js";
import type { CommandContext } from "../run-cli.js";
import { terminalText } from "../render/terminal-text.js";
import { describeConfigProblem } from "./describe-config-problem.js";

/** How a command lets the client wait out 429s: until its deadline, or until `signal` aborts (Ctrl-C). */
export interface ConnectLimits {
  signal?: AbortSignal;
  /** Epoch ms: the command's own deadline (`--timeout`). */
  deadline?: number;
  /** Total 429 waiting per request. @default Infinity (until the deadline or Ctrl-C) */
  rateLimitWaitMs?: number;
}

/** Where the connection came from, in the user's words: errors name these, never client options. */
export interface Connection {
  client: QacClient;
  url: string;
  user: string;
  /** `--url` or `QAC_URL`, whichever gave the URL. */
  urlSetting: string;
  /** `--user` or `QAC_USER`. */
  userSetting: string;
  /** `--password-stdin` or `QAC_PASSWORD`. */
  passwordSetting: string;
}

/**
 * Creates the QAComplete client from flags or QAC_URL / QAC_USER / QAC_PASSWORD and remembers in
 * `ctx` where each came from, so errors name what the user set. Names what is missing, shows a bad
 * URL or login but never the password. A 429 is never fatal: the client waits it out in every phase
 * (resolve, observe, create, wait) until the command's deadline or Ctrl-C.
 */
export async function connect(
  flags: ConnectionFlags,
  ctx: CommandContext,
  limits: ConnectLimits = {},
): Promise<QacClient> {
  const env = ctx.io.env;
  const urlSetting = flags.url === undefined ? "QAC_URL" : "--url";
  const userSetting = flags.user === undefined ? "QAC_USER" : "--user";
  const passwordSetting = flags.passwordStdin ? "--password-stdin" : "QAC_PASSWORD";
  const url = flags.url ?? env["QAC_URL"];
  const user = flags.user ?? env["QAC_USER"];
  const password = flags.passwordStdin
    ? ((await ctx.io.readStdin?.()) ?? "").replace(/\r?\n$/, "")
    : env["QAC_PASSWORD"];
  const missing = [
    !url && "the server (QAC_URL or --url)",
    !user && "the login (QAC_USER or --user)",
    !password &&
      (flags.passwordStdin
        ? "the password (nothing came on standard input)"
        : "the password (QAC_PASSWORD or --password-stdin)"),
  ].filter(Boolean);
  if (missing.length) throw new CliError("CLI_USAGE", `cannot connect to QAComplete: missing ${missing.join(", ")}.`);
  const { createClient, isQacError } = await import("@qac/core");
  const settings = { baseUrl: urlSetting, username: userSetting, password: passwordSetting };
  try {
    const client = createClient({
      baseUrl: url!,
      username: user!,
      password: password!,
      log: retryNotice(url!, ctx),
      ...(limits.signal ? { signal: limits.signal } : {}),
      retry: {
        rateLimitWaitMs: limits.rateLimitWaitMs ?? Infinity,
        ...(limits.deadline === undefined ? {} : { deadline: limits.deadline }),
      },
    });
    ctx.connection = { client, url: url!, user: user!, urlSetting, userSetting, passwordSetting };
    return client;
  } catch (error) {
    if (!isQacError(error, "CORE_CONFIG") || error.problems.length === 0) throw error;
    const lines = error.problems.map((p) => describeConfigProblem(p, settings));
    const many = `cannot connect to QAComplete:\n${lines.map((l) => `  ${l}`).join("\n")}`;
    throw new CliError("CLI_USAGE", lines.length === 1 ? lines[0]! : many);
  }
}

/**
 * One line when QAComplete first fails to answer and the client tries again (8 attempts over up to
 * a minute), so a wrong `QAC_URL` or a server that is down is not a silent minute.
 */
function retryNotice(url: string, ctx: CommandContext): (event: RequestLogEvent) => void {
  let told = false;
  return (event) => {
    if (told || event.retryInMs === undefined) return;
    if (!["CORE_NETWORK", "CORE_TIMEOUT", "CORE_SERVER"].includes(event.errorCode ?? "")) return;
    told = true;
    const status = event.status === null ? "no answer" : `HTTP ${event.status}`;
    // On a terminal a progress bar may be drawn: clear its line first, it is redrawn after.
    const clear = ctx.io.stderr.isTTY === true ? "\r\u001b[K" : "";
    ctx.io.stderr.write(
      `${clear}QAComplete at ${terminalText(url)} failed (${status}, ${event.errorCode}); trying again for up to a ` +
        `minute (Ctrl-C stops).\n`,
    );
  };
}
