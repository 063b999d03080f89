#!/usr/bin/env node
/**
 * `pnpm start`: the qac demo. Starts the QAComplete simulator (demo tenant, real clock, fast
 * outcomes), then runs the real `qac` commands against it: preview the smoke plan, apply it and
 * wait for the results, apply it again (nothing is created). Keeps the simulator running until
 * Ctrl-C so you can try more commands; `--once` exits after the tour (used by a test).
 *
 * Services live in `startServices()`; a new one (e.g. the status server) adds itself there and
 * passes its settings to the commands through `env`.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const once = process.argv.includes("--once");
const portArg = process.argv.find((a) => a.startsWith("--port="));
const port = portArg ? Number(portArg.slice("--port=".length)) : once ? 0 : 8787;

// Built packages by default (`pnpm start` builds first); tests run the demo from source with tsx.
const entry = (pkg) => join(root, "packages", pkg, process.env.QAC_DEMO_FROM_SOURCE ? "src/index.ts" : "dist/index.js");
const { startSimulator, loadSeedFile, DEFAULT_SEED_PATH } = await import(entry("simulator"));
const { runCli } = await import(entry("cli"));

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const bold = (s) => (color ? `\u001b[1m${s}\u001b[0m` : s);
const say = (s = "") => process.stdout.write(`${s}\n`);

/** Starts everything the demo talks to; returns the environment the qac commands use. */
async function startServices() {
  const seed = loadSeedFile(DEFAULT_SEED_PATH);
  // Fast outcomes: a 60 s test finishes in 0.3 s of wall time; hosts pick runs up after about a second.
  seed.simulation = { ...seed.simulation, speed: 200, pickup_delay_seconds: 1 };
  const sim = await startSimulator({ port, clock: "real", seed });
  const state = await mkdtemp(join(tmpdir(), "qac-demo-"));
  const env = { ...process.env, QAC_URL: sim.url, QAC_USER: "demo@qac.example", QAC_PASSWORD: "demo" };
  delete env.QAC_STATUS_URL;
  return {
    env,
    state,
    banner: [`QAComplete simulator: ${sim.url}  (REST API under ${sim.url}/rest-api/service)`, "Demo logins (public demo data): demo@qac.example / demo, viewer@qac.example / viewer"],
    async close() {
      await sim.close();
      await rm(state, { recursive: true, force: true });
    },
  };
}

const services = await startServices();
const io = (env) => ({ stdout: process.stdout, stderr: process.stderr, env, cwd: root });
/** Runs one qac command as a user would type it, and returns its exit code. */
async function qac(...args) {
  say();
  say(bold(`$ qac ${args.join(" ")}`));
  const code = await runCli(args, io(services.env));
  say(`(exit ${code})`);
  return code;
}

let failed = false;
try {
  for (const line of services.banner) say(line);
  const plan = "examples/plans/smoke.yaml";
  const applyId = `demo-${Date.now()}`;
  const state = ["--state-file", join(services.state, "state.json")];
  await qac("plan", plan);
  const applied = await qac("apply", plan, "--once-per", applyId, ...state, "--wait", "--timeout", "2m", "--junit", join(services.state, "results.xml"));
  // The demo tenant has a failing test in "Checkout smoke": exit 1 after waiting is the expected result.
  if (applied !== 0 && applied !== 1) failed = true;
  say("(\"Checkout smoke\" fails on purpose: the demo tenant's \"Apply discount code at checkout\" test fails.)");
  const again = await qac("apply", plan, "--once-per", applyId, ...state);
  if (again !== 0) failed = true;
  say();
  say("The second apply created nothing: every run of the plan was already created by this apply identity.");
  if (!once) {
    say();
    say("Try it yourself (the simulator keeps running):");
    say(`  export QAC_URL=${services.env.QAC_URL} QAC_USER=demo@qac.example QAC_PASSWORD=demo`);
    say("  pnpm qac plan examples/plans/nightly.yaml --format markdown");
    say("Press Ctrl+C to stop.");
    await new Promise((done) => {
      process.once("SIGINT", done);
      process.once("SIGTERM", done);
    });
  }
} finally {
  await services.close();
}
process.exitCode = failed ? 1 : 0;
