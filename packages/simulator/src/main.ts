#!/usr/bin/env node
/**
 * Command line entry point: `node packages/simulator/dist/main.js --seed examples/seed.yaml --port 8787`.
 * Prints the URL and the demo logins (public demo data), and stops cleanly on SIGINT/SIGTERM.
 */
import { resolve } from "node:path";
import { parseCliArgs, USAGE } from "./cli/parse-cli-args.js";
import { SimulatorError } from "./errors.js";
import { startSimulator } from "./start-simulator.js";
import { DEFAULT_SEED_PATH } from "./seed/default-seed.js";
import { loadSeedFile } from "./seed/load-seed.js";

const isDemoSeed = (path: string) => resolve(path) === DEFAULT_SEED_PATH;

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
  const seedPath = typeof command.options.seed === "string" ? command.options.seed : DEFAULT_SEED_PATH;
  let seed;
  try {
    seed = loadSeedFile(seedPath);
  } catch (e) {
    if (e instanceof SimulatorError) {
      console.error(`qac-simulator: ${e.message}`);
      return 2;
    }
    throw e;
  }
  let sim;
  try {
    sim = await startSimulator({ ...command.options, seed });
  } catch (e) {
    if ((e as { code?: unknown }).code !== "EADDRINUSE") throw e;
    const { port, host } = command.options;
    console.error(
      `qac-simulator: port ${port} on ${host} is already in use (another simulator?); stop it, or pass --port 0 for any free port`,
    );
    return 1;
  }
  console.log(`QAComplete simulator listening on ${sim.url}`);
  console.log(`  REST API:       ${sim.url}/rest-api/service/api/v2/...`);
  console.log(`  Automation API: ${sim.url}/rest-api/service/automation/v2/...`);
  console.log(`  Seed:           ${seedPath} (clock: ${command.options.clock ?? "real"})`);
  console.log(isDemoSeed(seedPath) ? "  Demo logins (public demo data):" : "  Logins:");
  // Passwords of the demo tenant are public demo data; other seeds' passwords are not printed.
  const isDemo = isDemoSeed(seedPath);
  for (const user of seed.users) {
    const projects = Object.entries(user.rights ?? {})
      .map(([id, r]) => `${id}:${typeof r === "string" ? r : "custom"}`)
      .join(", ");
    console.log(
      `    ${user.email} / ${isDemo ? user.password : "(password in the seed file)"}  (${projects || "no projects"})`,
    );
  }
  console.log("Press Ctrl+C to stop.");
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      console.log(`\n${signal}: shutting down`);
      resolve();
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
  await sim.close();
  return 0;
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
