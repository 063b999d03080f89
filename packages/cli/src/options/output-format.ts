import { Option, type Command } from "commander";

/** What a command's output can be. */
export type OutputFormat = "text" | "markdown" | "json";

/**
 * Adds `--format <format>` with the command's choices (default `text`) and `--json`, its alias for
 * `--format json`: the same flag on every command whose output can be chosen.
 */
export function addFormatOption(command: Command, formats: readonly OutputFormat[], what = "output format"): Command {
  return command
    .addOption(new Option("--format <format>", what).choices(formats).default("text"))
    .addOption(new Option("--json", "the same as --format json").implies({ format: "json" }));
}
