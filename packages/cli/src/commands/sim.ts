import { InvalidArgumentError, Option, type Command } from "commander";
import type { SimulatorOptions } from "@qac/simulator";
import { EXIT } from "../exit-codes.js";
import { CliError } from "../errors.js";
import type { CommandContext } from "../run-cli.js";

interface SimFlags {
  seed?: string;
  port: number;
  host: string;
  clock: "real" | "virtual";
  duplicateRunMode?: "same-test" | "full-key" | "error";
  latencyMs?: number;
}

const wholeNumber = (max: number) => (raw: string) => {
  if (!/^\d+$/.test(raw) || Number(raw) > max)
    throw new InvalidArgumentError(`must be a whole number from 0 to ${max}.`);
  return Number(raw);
};

/**
 * `qac sim`: starts the QAComplete simulator with the same flags as the simulator's own
 * command (`pnpm sim`), through @qac/simulator's `startSimulator`.
 */
export function registerSim(program: Command, ctx: CommandContext): void {
  program
    .command("sim")
    .description("start the QAComplete simulator (a fake server with the demo tenant)")
    .option("--seed <file>", "seed YAML file (default: examples/seed.yaml)")
    .option("--port <n>", "port to listen on, 0 = any free port", wholeNumber(65535), 8787)
    .option("--host <address>", "interface to bind", "127.0.0.1")
    .addOption(
      new Option("--clock <mode>", "real time, or time that only moves when told")
        .choices(["real", "virtual"])
        .default("real"),
    )
    .addOption(
      new Option("--duplicate-run-mode <mode>", "POST testruns while a matching run is active").choices([
        "same-test",
        "full-key",
        "error",
      ]),
    )
    .option("--latency-ms <n>", "add this latency to every request", wholeNumber(600_000))
    .addHelpText("after", "\nExample:\n  $ qac sim --port 8787 --latency-ms 20")
    .action(async (flags: SimFlags) => {
      const { startSimulator, loadSeedFile, DEFAULT_SEED_PATH } = await import("@qac/simulator");
      const seedPath = flags.seed ?? DEFAULT_SEED_PATH;
      let seed;
      try {
        seed = loadSeedFile(seedPath);
      } catch (error) {
        throw new CliError("CLI_SIMULATOR", error instanceof Error ? error.message : String(error));
      }
      const options: SimulatorOptions = { port: flags.port, host: flags.host, clock: flags.clock, seed };
      if (flags.duplicateRunMode) options.duplicateRunMode = flags.duplicateRunMode;
      if (flags.latencyMs) options.faults = [{ latencyMs: flags.latencyMs }];
      const sim = await startSimulator(options);
      const out = (line: string) => ctx.io.stdout.write(`${line}\n`);
      out(`QAComplete simulator listening on ${sim.url}`);
      out(`  REST API:       ${sim.url}/rest-api/service/api/v2/...`);
      out(`  Seed:           ${seedPath} (clock: ${flags.clock})`);
      out("  Demo logins (public demo data):");
      for (const user of seed.users) out(`    ${user.email} / ${user.password}`);
      out("Press Ctrl+C to stop.");
      const signal = await (ctx.io.waitForStop ?? (() => new Promise<string>(() => undefined)))();
      out(`${signal}: shutting down`);
      await sim.close();
      ctx.setExit(EXIT.OK);
    });
}
