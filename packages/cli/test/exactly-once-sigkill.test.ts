/**
 * Exactly once under failure, from the outside (issue 10): real `qac apply` processes killed with
 * SIGKILL at random points, a status server killed with SIGKILL and restarted during an apply, on a
 * real (sped-up) clock so the runs finish before the rerun, against a strict simulator. Every
 * trial counts the runs in QAComplete: each desired run exists exactly once.
 */
import type { Simulator } from "@qac/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allFinished, maxRunId, qac, random, runsPerKey, until } from "./support/processes.js";
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
