import { resolve } from "node:path";
import { SimulatorError } from "../errors.js";
import { describeStrictness, resolveStrictness } from "../resolve-strictness.js";
import { DEFAULT_SEED_PATH } from "../seed/default-seed.js";
import type { SeedDocument } from "../seed/seed-document.js";
import type { SimulatorOptions } from "../start-simulator.js";

/** Where {@link runSimulatorCommand} writes, and how it learns to stop. */
export interface SimulatorCommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Resolves with the signal's name (e.g. "SIGINT") when the simulator should stop. */
  waitForStop(): Promise<string>;
  /** Directory a relative `seed` path is read from. @default process.cwd() */
  cwd?: string;
  /** Program name in front of error lines. @default "qac-simulator" */
  name?: string;
}

/** Options of {@link runSimulatorCommand}: the simulator's options, with the seed as a file path. */
export type SimulatorCommandOptions = Omit<SimulatorOptions, "seed"> & {
  /** Seed YAML file. @default the demo tenant (`demo-seed.yaml` in this package) */
  seed?: string;
};

function banner(url: string, seedPath: string, seed: SeedDocument, isDemo: boolean, options: SimulatorCommandOptions) {
  const lines = [
    `QAComplete simulator listening on ${url}`,
    `  REST API:       ${url}/rest-api/service/api/v2/...`,
    `  Automation API: ${url}/rest-api/service/automation/v2/...`,
    `  Seed:           ${seedPath} (clock: ${options.clock ?? "real"})`,
    `  Mode:           ${describeStrictness(resolveStrictness(options))}`,
    isDemo ? "  Demo logins (public demo data):" : "  Logins:",
  ];
  for (const user of seed.users) {
    const projects = Object.entries(user.rights ?? {})
      .map(([id, r]) => `${id}:${typeof r === "string" ? r : "custom"}`)
      .join(", ");
    // The demo tenant's passwords are public demo data; other seeds' passwords are never printed.
    const password = isDemo ? user.password : "(password in the seed file)";
    lines.push(`    ${user.email} / ${password}  (${projects || "no projects"})`);
  }
  lines.push("Press Ctrl+C to stop.");
  return lines.map((line) => `${line}\n`).join("");
}

/**
 * The simulator's command line, shared by `pnpm sim` (`main.ts`) and `qac sim`: loads the seed,
 * starts the server, prints the banner (the demo passwords only for the demo seed), waits for a
 * stop signal and closes. A taken port gets one friendly line instead of a stack trace. The server
 * is loaded only here, so a command line that merely registers its flags stays fast.
 * @returns the exit code: 0 after a clean stop, 1 when the port is taken, 2 for a bad seed or option
 * @example
 * process.exitCode = await runSimulatorCommand({ port: 8787, strict: true }, { ...process, waitForStop });
 */
export async function runSimulatorCommand(options: SimulatorCommandOptions, io: SimulatorCommandIo): Promise<number> {
  const name = io.name ?? "qac-simulator";
  const fail = (message: string, code: number) => (io.stderr.write(`${name}: ${message}\n`), code);
  const seedPath = options.seed ?? DEFAULT_SEED_PATH;
  const seedFile = resolve(io.cwd ?? process.cwd(), seedPath);
  const [{ loadSeedFile }, { startSimulator }] = await Promise.all([
    import("../seed/load-seed.js"),
    import("../start-simulator.js"),
  ]);
  let seed: SeedDocument;
  let sim;
  try {
    seed = loadSeedFile(seedFile);
    sim = await startSimulator({ ...options, seed });
  } catch (e) {
    if (e instanceof SimulatorError) return fail(e.message, 2);
    if ((e as { code?: unknown }).code !== "EADDRINUSE") throw e;
    const where = `port ${options.port ?? 0} on ${options.host ?? "127.0.0.1"}`;
    return fail(`${where} is already in use (another simulator?); stop it, or pass --port 0 for any free port`, 1);
  }
  io.stdout.write(banner(sim.url, seedPath, seed, seedFile === DEFAULT_SEED_PATH, options));
  const signal = await io.waitForStop();
  io.stdout.write(`\n${signal}: shutting down\n`);
  await sim.close();
  return 0;
}
