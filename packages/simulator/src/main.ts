#!/usr/bin/env node
/**
 * Command line entry point: `node packages/simulator/dist/main.js --port 8787` (the demo tenant),
 * or `--seed my-seed.yaml`.
 * Parses the flags and hands over to `runSimulatorCommand` (shared with `qac sim`), which prints the
 * URL and the demo logins and stops cleanly on SIGINT/SIGTERM.
 */
import { parseCliArgs, USAGE } from "./cli/parse-cli-args.js";
import { runSimulatorCommand } from "./cli/run-simulator-command.js";
import { SimulatorError } from "./errors.js";

async function main(): Promise<number> {
  let command;
  try {
    command = parseCliArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof SimulatorError) {
      console.error(`qac-simulator: ${e.message}`);
      return 2;
    }
    throw e;
  }
  if (command.help) {
    console.log(USAGE);
    return 0;
  }
  return runSimulatorCommand(command.options, {
    stdout: process.stdout,
    stderr: process.stderr,
    waitForStop: () =>
      new Promise((resolve) => {
        process.once("SIGINT", () => resolve("SIGINT"));
        process.once("SIGTERM", () => resolve("SIGTERM"));
      }),
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`qac-simulator: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
