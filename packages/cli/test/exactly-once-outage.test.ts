/**
 * Exactly once under failure, from the outside (issue 10): a status server killed with SIGKILL and
 * restarted during an apply, on a real (sped-up) clock so the runs finish before the rerun, against
 * a strict simulator. Every trial counts the runs in QAComplete: each desired run exists once.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator, type Simulator } from "@qac/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../src/cli-io.js";
import { runCli } from "../src/run-cli.js";
import {
  allFinished,
  fastSeed,
  freePort,
  maxRunId,
  qac,
  random,
  runsPerKey,
  statusServer,
  until,
} from "./support/processes.js";

const PLAN = `version: 1
project: Web Shop
configurations: { chrome: "Chrome / Windows 11", firefox: "Firefox / Ubuntu 24.04" }
releases: { build42: "2026.12 / RC1 / Build 42" }
hosts: { windows: build-agent-01, linux: build-agent-02 }
defaults: { releases: build42, host: windows }
entries:
  - { key: search, test: Search by product name, configurations: [chrome, firefox] }
  - { key: checkout, testSet: Checkout smoke, configurations: [chrome, firefox] }
  - { key: cart, test: Change quantity in cart, configurations: [chrome, firefox], host: linux }
  - { key: price, test: Filter results by price range, configurations: [chrome, firefox] }
`;
const RUNS = 8;
const TRIALS = Number(process.env["QAC_TRIALS"] ?? 20);
const POST = "POST /api/v2/projects/:projectId/testruns";

let sim: Simulator;
let dir: string;
beforeAll(async () => {
  // Strict (pages of 5, documented filters only, ServiceStack errors) and slow enough per request
  // (10 ms) that a kill lands in the middle of an apply.
  sim = await startSimulator({
    port: 0,
    clock: "real",
    strict: true,
    maxPageSize: 5,
    seed: fastSeed(),
    faults: [{ latencyMs: 10 }],
  });
  dir = await mkdtemp(join(tmpdir(), "qac-once-"));
  await writeFile(join(dir, "plan.yaml"), PLAN);
});
afterAll(() => sim.close());

/** The rerun (in this process: it is not killed), to completion; exit 0 expected. */
async function applyToEnd(args: string[], env: Record<string, string> = {}): Promise<void> {
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: () => true },
    stderr: { write: (s: string) => err.push(s) },
    cwd: dir,
    env: { QAC_URL: sim.url, QAC_USER: "demo@qac.example", QAC_PASSWORD: "demo", CI: "true", ...env },
  };
  const code = await runCli(["apply", "plan.yaml", "--concurrency", "2", ...args], io);
  if (code !== 0) throw new Error(`qac apply exited ${code}: ${err.join("")}`);
}

describe("--once-per with the status server killed (-9) and restarted during an apply (20 trials)", () => {
  it("loses no record and never creates a run twice, even for a retried job on a fresh machine", async () => {
    const token = "status-token-of-the-test-0123456789";
    const port = await freePort();
    const db = join(dir, "status.db");
    const url = `http://127.0.0.1:${port}`;
    let server = await statusServer(port, db, token);
    try {
      for (let trial = 1; trial <= TRIALS; trial += 1) {
        const rnd = random(1000 + trial);
        const before = maxRunId(sim);
        const posts = sim.counters.get(POST);
        const env = { QAC_STATUS_TOKEN: token };
        const args = ["--once-per", `outage-${trial}`, "--status-url", url];
        const child = qac(
          ["apply", "plan.yaml", "--concurrency", "2", ...args, "--state-file", `outage-${trial}/a.json`],
          sim,
          dir,
          env,
        );
        await until(() => sim.counters.get(POST) > posts || child.proc.exitCode !== null, 30_000, "the first create");
        await new Promise((r) => setTimeout(r, rnd() * 50));
        server.proc.kill("SIGKILL");
        await server.exit;
        await new Promise((r) => setTimeout(r, 500 + rnd() * 2500));
        server = await statusServer(port, db, token);
        expect(await child.exit, `trial ${trial}: ${child.err()}`).toBe(0);
        await until(() => allFinished(sim, 1001, before), 10_000, "the runs to finish");
        // The retried CI job runs elsewhere: a fresh state file, only the status server remembers.
        await applyToEnd([...args, "--state-file", `outage-${trial}/b.json`], env);
        const counts = runsPerKey(sim, 1001, before);
        expect([...counts.values()], `trial ${trial}: runs per desired run`).toEqual(Array(RUNS).fill(1));
        await until(() => allFinished(sim, 1001, before), 10_000, "the runs to finish");
      }
    } finally {
      server.proc.kill("SIGKILL");
      await server.exit;
    }
  }, 600_000);
});
