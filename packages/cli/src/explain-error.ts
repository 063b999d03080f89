import type { isQacError as IsQacError } from "@qac/core";
import type { isRunnerError as IsRunnerError, StaleRun } from "@qac/runner";
import type { Connection } from "./connect/connect.js";
import { CliError } from "./errors.js";
import { terminalText } from "./render/terminal-text.js";

const ROOT_EXAMPLE = "https://rest.qacomplete.smartbear.com";

/** An error as `qac` shows it; `expected` errors (usage, QAComplete, runner) need no stack trace. */
export interface Explained {
  text: string;
  expected: boolean;
}

/**
 * What `qac` prints for an error, in the user's words: a connection failure names the URL tried
 * and the setting it came from (`QAC_URL` or `--url`), a refused login the user and where it was
 * set; decided by error code and details, never by message text. Every text that came from a
 * server is shown with its control characters escaped.
 */
export async function explainError(error: unknown, connection: Connection | undefined): Promise<Explained> {
  if (error instanceof CliError) return { text: error.message, expected: true };
  if (!(error instanceof Error)) return { text: terminalText(String(error)), expected: false };
  // Loaded only on failure: `qac --version` must not pay for the client.
  const { isQacError } = await import("@qac/core");
  const { isRunnerError } = await import("@qac/runner");
  const expected = isQacError(error) || isRunnerError(error);
  return { text: explain(error, connection, isQacError, isRunnerError), expected };
}

function explain(
  error: Error,
  connection: Connection | undefined,
  isQacError: typeof IsQacError,
  isRunnerError: typeof IsRunnerError,
): string {
  if (isRunnerError(error, "RUNNER_STALE_PLAN")) return stalePlan(error.details.changed);
  if (isQacError(error) && connection) {
    const c = connection;
    const tried = `${safeOrigin(c.url)}${error.path ?? ""}`;
    const said = error.serverMessage ? `: ${terminalText(error.serverMessage)}` : "";
    switch (error.code) {
      case "CORE_AUTH":
        return (
          `QAComplete at ${terminalText(c.url)} refused the login ${terminalText(c.user)} (HTTP ` +
          `${error.status ?? 401}${said}). Check ${c.userSetting} and ${c.passwordSetting}.`
        );
      case "CORE_NETWORK":
      case "CORE_TIMEOUT": {
        const why =
          error.code === "CORE_TIMEOUT"
            ? "no answer in time"
            : error.causeCode === "ECONNREFUSED"
              ? "the connection was refused (ECONNREFUSED)"
              : error.causeCode === "ENOTFOUND" || error.causeCode === "EAI_AGAIN"
                ? `the host ${terminalText(hostOf(c.url))} was not found (${error.causeCode})`
                : `the connection failed (${terminalText(error.causeCode ?? "network error")})`;
        return (
          `cannot reach QAComplete at ${terminalText(c.url)}: ${why}. Check ${c.urlSetting} and that the ` +
          `server is running.`
        );
      }
      case "CORE_NOT_FOUND":
        // A 404 before anything else worked means the URL, not the item: qac adds /rest-api/service itself.
        if (c.client.callCount() <= 1)
          return (
            `QAComplete answered 404 Not Found for ${terminalText(tried)}, the first request qac made. Is ` +
            `${c.urlSetting} (${terminalText(c.url)}) the server root, e.g. ${ROOT_EXAMPLE}? qac adds ` +
            `/rest-api/service itself.`
          );
    }
  }
  return terminalText(error.message);
}

/** RUNNER_STALE_PLAN from its details, each changed run on its own line. */
function stalePlan(runs: readonly StaleRun[]): string {
  const lines = runs
    .slice(0, 20)
    .map(
      (c) =>
        `  ${terminalText(c.runKey)}: planned ${terminalText(c.was)}, now ${terminalText(c.now)} ` +
        `(${terminalText(c.reason)})`,
    );
  if (runs.length > 20) lines.push(`  ... and ${runs.length - 20} more`);
  return [
    "the saved plan is stale: Run History changed since it was made.",
    ...lines,
    "Run qac plan --out again and review it.",
  ].join("\n");
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
