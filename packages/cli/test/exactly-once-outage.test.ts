/**
 * Exactly once under failure, from the outside (issue 10): a status server killed with SIGKILL and
 * restarted during an apply, on a real (sped-up) clock so the runs finish before the rerun, against
 * a strict simulator. Every trial counts the runs in QAComplete: each desired run exists once.
 */
import { join } from "node:path";
import type { Simulator } from "@qac/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allFinished, freePort, maxRunId, qac, random, runsPerKey, statusServer, until } from "./support/processes.js";
import { POST, RUNS, TRIALS, startTrialBench, type TrialBench } from "./support/once-per-trials.js";

let bench: TrialBench;
let sim: Simulator;
let dir: string;
beforeAll(async () => {
  bench = await startTrialBench();
  ({ sim, dir } = bench);
});
afterAll(() => sim.close());
const applyToEnd = (args: string[], env?: Record<string, string>) => bench.applyToEnd(args, env);

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
