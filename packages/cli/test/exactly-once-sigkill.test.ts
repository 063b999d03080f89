/**
 * Exactly once under failure, from the outside (issue 10): real `qac apply` processes killed with
 * SIGKILL at random points, a status server killed with SIGKILL and restarted during an apply, on a
 * real (sped-up) clock so the runs finish before the rerun, against a strict simulator. Every
 * trial counts the runs in QAComplete: each desired run exists exactly once.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator, type Simulator } from "@qac/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../src/cli-io.js";
import { runCli } from "../src/run-cli.js";
import { allFinished, fastSeed, maxRunId, qac, random, runsPerKey, until } from "./support/processes.js";

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

describe("--once-per under SIGKILL (20 trials, kill -9 at a random point of the apply)", () => {
  it("never creates a run twice, even when runs finished before the rerun", async () => {
    const outcomes: number[] = [];
    for (let trial = 1; trial <= TRIALS; trial += 1) {
      const rnd = random(trial);
      const before = maxRunId(sim);
      const posts = sim.counters.get(POST);
      const args = ["--once-per", `kill-${trial}`, "--state-file", `kill-${trial}/state.json`];
      const child = qac(["apply", "plan.yaml", "--concurrency", "2", ...args], sim, dir);
      // Somewhere between the first create and the end: a create may be in flight, or done and
      // not yet recorded, when the process dies.
      await until(() => sim.counters.get(POST) > posts || child.proc.exitCode !== null, 30_000, "the first create");
      await new Promise((r) => setTimeout(r, rnd() * 120));
      child.proc.kill("SIGKILL");
      await child.exit;
      outcomes.push(runsPerKey(sim, 1001, before).size);
      await until(() => allFinished(sim, 1001, before), 10_000, "the runs to finish");
      await applyToEnd(args);
      const counts = runsPerKey(sim, 1001, before);
      expect([...counts.values()], `trial ${trial}: runs per desired run`).toEqual(Array(RUNS).fill(1));
      // The next trial starts with nothing pending, so each trial must create all its runs itself.
      await until(() => allFinished(sim, 1001, before), 10_000, "the runs to finish");
    }
    // The kills landed at different points: some before any run, some in the middle.
    expect(
      outcomes.some((n) => n > 0 && n < RUNS),
      `runs before each kill: ${outcomes.join(", ")}`,
    ).toBe(true);
  }, 300_000);
});
