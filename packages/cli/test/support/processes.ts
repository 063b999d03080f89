/**
 * Process-level helpers for the exactly-once tests: the qac CLI and the status server run as real
 * child processes (so they can be killed with SIGKILL), the simulator in this process.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { isUnfinishedRun } from "@qac/core";
import { DEFAULT_SEED_PATH, loadSeedFile, type Simulator } from "@qac/simulator";
import type { CliIo } from "../../src/cli-io.js";
import { runCli } from "../../src/run-cli.js";

const repo = fileURLToPath(new URL("../../../../", import.meta.url));
// tsx by absolute URL: children run in temporary folders, where a bare "tsx" does not resolve.
const tsx = import.meta.resolve("tsx");
const node = (entry: string) => [
  "--import",
  tsx,
  "--conditions=qac-source",
  fileURLToPath(new URL(entry, `file://${repo}`)),
];

/** The demo tenant, sped up: a 60 s test finishes after 60 ms of wall time. */
export function fastSeed() {
  const seed = loadSeedFile(DEFAULT_SEED_PATH);
  seed.simulation = { ...seed.simulation, speed: 1000, pickup_delay_seconds: 0 };
  return seed;
}

/** A child process and its output; `exit` resolves with the exit code (null when killed). */
export interface Child {
  proc: ChildProcess;
  out: () => string;
  err: () => string;
  exit: Promise<number | null>;
}

function start(args: string[], env: Record<string, string>, cwd: string): Child {
  const proc = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, NO_COLOR: "1", CI: "true", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  proc.stdout.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return { proc, out: () => out, err: () => err, exit };
}

/** `qac <args>` from source, in `cwd`, against the simulator. */
export function qac(args: string[], sim: Simulator, cwd: string, env: Record<string, string> = {}): Child {
  const creds = { QAC_URL: sim.url, QAC_USER: "demo@qac.example", QAC_PASSWORD: "demo" };
  return start([...node("packages/cli/src/main.ts"), ...args], { ...creds, ...env }, cwd);
}

/** `qac <args>` in this process (runCli), in `cwd`, against the simulator as in CI; its exit code and output. */
export async function qacInProcess(
  args: string[],
  sim: Simulator,
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    cwd,
    env: { QAC_URL: sim.url, QAC_USER: "demo@qac.example", QAC_PASSWORD: "demo", CI: "true", ...env },
  };
  const code = await runCli(args, io);
  return { code, out: out.join(""), err: err.join("") };
}

/** The status server from source on `port` with its database in `db`; resolves once it listens. */
export async function statusServer(port: number, db: string, token: string): Promise<Child> {
  const env = {
    QAC_STATUS_TOKEN: token,
    QAC_STATUS_DB: db,
    QAC_STATUS_PORT: String(port),
    QAC_STATUS_LOG_LEVEL: "silent",
  };
  const child = start(node("packages/status-server/src/main.ts"), env, repo);
  for (let i = 0; i < 600 && !child.err().includes("listening on"); i += 1) {
    if (child.proc.exitCode !== null) throw new Error(`status server exited: ${child.err()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  if (!child.err().includes("listening on")) throw new Error(`status server did not start: ${child.err()}`);
  return child;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `predicate` holds (polled every 5 ms), or rejects after `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Runs created since `sinceId`, counted per (test or set, configuration, release, host). */
export function runsPerKey(sim: Simulator, projectId: number, sinceId: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const run of sim.runs.list(projectId)) {
    if (run.id <= sinceId) continue;
    const test = run.test_set_id ? `set:${run.test_set_id}` : `test:${sim.runs.items(run.id)[0]?.test_id ?? 0}`;
    const key = `${test}/cfg:${run.test_config_id ?? 0}/rel:${run.release_id}/host:${run.test_host}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** True once no run created since `sinceId` is still unfinished. */
export function allFinished(sim: Simulator, projectId: number, sinceId: number): boolean {
  return sim.runs
    .list(projectId)
    .filter((r) => r.id > sinceId)
    .every((r) => !isUnfinishedRun(r.status_code));
}

/** The highest run id so far. */
export const maxRunId = (sim: Simulator, projectId = 1001) => Math.max(0, ...sim.runs.list(projectId).map((r) => r.id));

/** Deterministic pseudo-random numbers in [0, 1) for trial `seed` (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
