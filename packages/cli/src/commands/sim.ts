import { InvalidArgumentError, Option, type Command } from "commander";
import type { SimulatorCommandOptions } from "@qac/simulator/command";
import { EXIT } from "../exit-codes.js";
import type { CommandContext } from "../run-cli.js";
import { importOptional } from "./import-optional.js";

/**
 * The simulator's `--duplicate-run-mode` values (its `DUPLICATE_RUN_MODES`; a test keeps the two
 * equal), written here so `qac --help` and the other commands work without @qac/simulator installed.
 */
export const DUPLICATE_RUN_MODES = ["same-test", "full-key", "error", "full-key-error"] as const;

interface SimFlags {
  seed?: string;
  port: number;
  host: string;
  clock: "real" | "virtual";
  duplicateRunMode?: (typeof DUPLICATE_RUN_MODES)[number];
  latencyMs?: number;
  strict?: boolean;
  maxPageSize?: number;
  speed?: number;
}

const wholeNumber =
  (max: number, min = 0) =>
  (raw: string) => {
    if (!/^\d+$/.test(raw) || Number(raw) > max || Number(raw) < min)
      throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}.`);
    return Number(raw);
  };

/**
 * `qac sim`: starts the QAComplete simulator with the same flags as the simulator's own
 * command (`pnpm sim`), through `@qac/simulator`'s shared `runSimulatorCommand`. The simulator is
 * an optional package, loaded only when the command runs; without it, one line says what to add.
 */
export function registerSim(program: Command, ctx: CommandContext): void {
  program
    .command("sim")
    .description("start the QAComplete simulator (a fake server with the demo tenant)")
    .option("--seed <file>", "seed YAML file (default: the demo tenant)")
    .option("--port <n>", "port to listen on, 0 = any free port", wholeNumber(65535), 8787)
    .option("--host <address>", "interface to bind", "127.0.0.1")
    .addOption(
      new Option("--clock <mode>", "real time, or time that only moves when told")
        .choices(["real", "virtual"])
        .default("real"),
    )
    .addOption(
      new Option("--duplicate-run-mode <mode>", "POST testruns while a matching run is active").choices(
        DUPLICATE_RUN_MODES,
      ),
    )
    .option("--latency-ms <n>", "add this latency to every request", wholeNumber(600_000))
    .option(
      "--strict",
      "behave like the real QAComplete where it is stricter: page cap 25, undocumented filters refused, " +
        "ServiceStack error bodies, irregular runs",
    )
    .option("--max-page-size <n>", "answer at most n rows per list page (25 with --strict)", wholeNumber(1_000_000, 1))
    .option(
      "--speed <n>",
      "run tests n times faster than their nominal durations (the demo: 10)",
      wholeNumber(100_000, 1),
    )
    .addHelpText("after", "\nExample:\n  $ qac sim --port 8787 --latency-ms 20\n  $ qac sim --port 0 --strict")
    .action(async (flags: SimFlags) => {
      const { runSimulatorCommand } = await importOptional(
        "@qac/simulator",
        "qac sim",
        () => import("@qac/simulator/command"),
      );
      const options: SimulatorCommandOptions = { port: flags.port, host: flags.host, clock: flags.clock };
      if (flags.seed !== undefined) options.seed = flags.seed;
      if (flags.duplicateRunMode) options.duplicateRunMode = flags.duplicateRunMode;
      if (flags.latencyMs) options.faults = [{ latencyMs: flags.latencyMs }];
      if (flags.strict) options.strict = true;
      if (flags.maxPageSize !== undefined) options.maxPageSize = flags.maxPageSize;
      if (flags.speed !== undefined) options.speed = flags.speed;
      const code = await runSimulatorCommand(options, {
        stdout: ctx.io.stdout,
        stderr: ctx.io.stderr,
        waitForStop: ctx.io.waitForStop ?? (() => new Promise<string>(() => undefined)),
        cwd: ctx.io.cwd,
        name: "qac",
      });
      ctx.setExit(code === 0 ? EXIT.OK : EXIT.ERROR);
    });
}
