#!/usr/bin/env node
/**
 * `pnpm start`: the qac demo. Starts the QAComplete simulator (demo tenant, real clock, fast
 * outcomes), then runs the real `qac` commands against it: preview the smoke plan, apply it and
 * wait for the results, apply it again (nothing is created). Keeps the simulator running until
 * Ctrl-C so you can try more commands; `--once` exits after the tour (used by a test). Ports: 8787
 * (simulator, `--port=N`) and 8790 (status server, `--status-port=N`). Ctrl-C ends it with exit 0
 * and its own last line.
 *
 * Services live in `startServices()`; a new one (e.g. the status server) adds itself there and
 * passes its settings to the commands through `env`.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const once = process.argv.includes("--once");
const portArg = process.argv.find((a) => a.startsWith("--port="));
const port = portArg ? Number(portArg.slice("--port=".length)) : once ? 0 : 8787;
const statusPortArg = process.argv.find((a) => a.startsWith("--status-port="));
const statusPort = statusPortArg ? Number(statusPortArg.slice("--status-port=".length)) : once ? 0 : 8790;

// Ctrl-C (and a second one, which pnpm sends as it passes the first on) ends the demo cleanly with
// exit 0: the commands running stop, the servers close, and the last line is the demo's own.
let stop;
const stopped = new Promise((done) => (stop = done));
let stopSignal = null;
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    stopSignal ??= signal;
    stop(signal);
  });

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
  // --- status server (@qac/status-server): records each apply (--report-to) and follows its runs live ---
  const { startStatusServer } = await import(entry("status-server"));
  env.QAC_STATUS_TOKEN = randomBytes(24).toString("hex");
  const status = await startStatusServer({
    port: statusPort,
    dbFile: join(state, "status.db"),
    token: env.QAC_STATUS_TOKEN,
    qac: { url: sim.url, username: "demo@qac.example", password: "demo" },
    poller: { intervalMs: 500 },
  });
  // --- end status server ---
  return {
    env,
    state,
    simUrl: sim.url,
    statusUrl: status.url,
    banner: [
      `QAComplete simulator: ${sim.url}  (REST API under ${sim.url}/rest-api/service)`,
      "Demo logins (public demo data): demo@qac.example / demo, viewer@qac.example / viewer",
      `Status server: ${status.url}/  (apply history and live run status; API docs at ${status.url}/docs)`,
    ],
    async close() {
      await status.close();
      await sim.close();
      await rm(state, { recursive: true, force: true });
    },
  };
}

const onPort = (p) => (p === 0 ? "a free port" : `port ${p}`);
if (!once) say(`qac demo: QAComplete simulator on ${onPort(port)}, status server on ${onPort(statusPort)} (127.0.0.1)`);
let services;
try {
  services = await startServices();
} catch (error) {
  // The simulator's listen error, or the status server's (a port taken is its only STATUS_CONFIG here).
  if (error?.code !== "EADDRINUSE" && error?.code !== "STATUS_CONFIG") throw error;
  say(`qac demo: a port it needs is in use (${port} for the simulator, ${statusPort} for the status server).`);
  say(
    "Stop what uses it (another pnpm start, qac sim or qac serve?), or give the simulator another: node " +
      "scripts/demo.mjs --port=8788",
  );
  process.exit(1);
}
/** Runs one qac command as a user would type it, and returns its exit code (skipped after Ctrl-C). */
async function qac(...args) {
  if (stopSignal) return 0;
  say();
  say(bold(`$ qac ${args.join(" ")}`));
  // Ctrl-C reaches the command only while it runs (as it would typed in a shell).
  let running = true;
  const waitForStop = () => stopped.then((signal) => (running ? signal : new Promise(() => {})));
  const io = { stdout: process.stdout, stderr: process.stderr, env: services.env, cwd: root, waitForStop };
  const code = await runCli(args, io).finally(() => (running = false));
  say(`(exit ${code})`);
  return code;
}

/** Shows what the status server saw: each run as reported (Awaiting Run) and as it stands now. */
async function showStatusServer() {
  const { applies } = await (await fetch(`${services.statusUrl}/api/v1/applies?limit=2`)).json();
  const first = applies.at(-1);
  if (!first) return;
  const reported = (await (await fetch(`${services.statusUrl}/api/v1/applies/${first.id}`)).json()).runs;
  // The poller refreshes every 500 ms; give it a moment to see the finished runs.
  let runs = [];
  for (let tries = 0; tries < 40; tries++) {
    ({ runs } = await (await fetch(`${services.statusUrl}/api/v1/runs?apply=${first.id}`)).json());
    if (runs.every((r) => r.runId === null || r.finished)) break;
    await new Promise((done) => setTimeout(done, 250));
  }
  say();
  say(
    bold(
      `Status server ${services.statusUrl}/ recorded ${applies.length} applies of ${first.plan.name}; runs of apply ` +
        `#${first.id}:`,
    ),
  );
  for (const run of runs) {
    const before = reported.find((r) => r.identity === run.identity)?.status ?? "-";
    say(`  run ${run.runId ?? "-"}  ${run.title}: ${before} -> ${run.status ?? "-"}`);
  }
}

let failed = false;
try {
  for (const line of services.banner) say(line);
  const plan = "examples/plans/smoke.yaml";
  const applyId = `demo-${Date.now()}`;
  const state = ["--state-file", join(services.state, "state.json")];
  await qac("plan", plan);
  const report = ["--report-to", services.statusUrl]; // the status server records the apply and follows its runs
  const applied = await qac(
    "apply",
    plan,
    "--once-per",
    applyId,
    ...state,
    ...report,
    "--wait",
    "--timeout",
    "2m",
    "--junit",
    join(services.state, "results.xml"),
  );
  // The demo tenant has a failing test in "Checkout smoke": exit 1 after waiting is the expected result.
  if (applied !== 0 && applied !== 1) failed = true;
  say('("Checkout smoke" fails on purpose: the demo tenant\'s "Apply discount code at checkout" test fails.)');
  const again = await qac("apply", plan, "--once-per", applyId, ...state, ...report);
  if (again !== 0) failed = true;
  say();
  say("The second apply created nothing: every run of the plan was already created by this apply identity.");
  if (!stopSignal) await showStatusServer();
  if (!once) {
    say();
    say("Try it yourself (the simulator keeps running):");
    say(`  export QAC_URL=${services.env.QAC_URL} QAC_USER=demo@qac.example QAC_PASSWORD=demo`);
    say("  npx -y pnpm@10 qac plan examples/plans/nightly.yaml --format markdown");
    say(
      `Watch runs move from Awaiting Run to Passed or Failed: open ${services.statusUrl}/ and apply again (this ` +
        `demo's own token):`,
    );
    say(`  export QAC_STATUS_TOKEN=${services.env.QAC_STATUS_TOKEN}`);
    say(`  npx -y pnpm@10 qac apply examples/plans/smoke.yaml --report-to ${services.statusUrl}`);
    say("Press Ctrl+C to stop.");
    await stopped;
  }
} finally {
  await services.close();
}
if (stopSignal) {
  say();
  say(
    `qac demo: stopped (${stopSignal}); the simulator (${services.simUrl}) and the status server ` +
      `(${services.statusUrl}) are closed.`,
  );
}
process.exitCode = failed && !stopSignal ? 1 : 0;
