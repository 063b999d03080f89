import type { Command } from "commander";

/** The connection flags of `plan`, `apply`, `wait` and `serve`. */
export interface ConnectionFlags {
  url?: string;
  user?: string;
  passwordStdin?: boolean;
  project?: string;
}

/**
 * Adds `--url`, `--user`, `--password-stdin` and, unless `project` is null, `--project` with the
 * command's own help text (no password flag: it would show in `ps`).
 */
export function addConnectionOptions(
  command: Command,
  project: string | null = "QAComplete project (id or name), instead of (or for a plan without) `project:`",
): Command {
  command
    .option("--url <url>", "QAComplete server root (default: $QAC_URL)")
    .option("--user <email>", "QAComplete login e-mail (default: $QAC_USER)")
    .option("--password-stdin", "read the password from standard input (default: $QAC_PASSWORD)");
  return project === null ? command : command.option("--project <id|name>", project);
}
