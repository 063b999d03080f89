import type { Command } from "commander";
import { collectPatterns } from "./collect-patterns.js";

/** The flags of commands that read plans against Run History (`plan`, `apply`). */
export interface PlanFlags {
  oncePer?: string;
  stateFile?: string;
  statusUrl?: string;
  only?: string[];
  exclude?: string[];
  strictWarnings?: boolean;
}

/** Adds the selection flags `--only` and `--exclude` (`qac validate`, `plan`, `apply`). */
export function addSelectionOptions(command: Command): Command {
  return command
    .option(
      "--only <pattern>",
      "keep runs matching a key, label (label:NAME) or glob; repeat or comma-separate",
      collectPatterns,
    )
    .option(
      "--exclude <pattern>",
      "leave out runs matching a key, label or glob; repeat or comma-separate",
      collectPatterns,
    );
}

/** Adds `--once-per`, `--state-file`, `--status-url`, `--strict-warnings` and the selection flags. */
export function addPlanOptions(command: Command): Command {
  command
    .option(
      "--once-per <id>",
      "apply identity (commit SHA, pipeline id): a run an earlier apply with this id created counts as done, even " +
        "when finished",
    )
    .option("--state-file <file>", "where --once-per records are kept without a status server", ".qac/state.json")
    .option(
      "--status-url <url>",
      "status server for --once-per records and leases (default: $QAC_STATUS_URL; token: $QAC_STATUS_TOKEN)",
    )
    .option("--strict-warnings", "treat warnings (closed release, test without automation) as errors: exit 3");
  return addSelectionOptions(command);
}
