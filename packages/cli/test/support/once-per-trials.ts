/**
 * The shared bench of the exactly-once trials (exactly-once-*.test.ts): a strict simulator on a
 * real, sped-up clock, a folder with an 8-run plan, and the in-process rerun that must finish.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator, type Simulator } from "@qac/simulator";
import { fastSeed, qacInProcess } from "./processes.js";

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
/** The runs the plan expands to. */
export const RUNS = 8;
/** Trials per case (QAC_TEST_TRIALS overrides). */
export const TRIALS = Number(process.env["QAC_TEST_TRIALS"] ?? 20);
/** The counter key of run creates. */
export const POST = "POST /api/v2/projects/:projectId/testruns";

export interface TrialBench {
  sim: Simulator;
  /** Holds plan.yaml; the working folder of every apply. */
  dir: string;
  /** The rerun (in this process: it is not killed), to completion; throws unless it exits 0. */
  applyToEnd(args: string[], env?: Record<string, string>): Promise<void>;
}

/**
 * Strict (pages of 5, documented filters only, ServiceStack errors) and slow enough per request
 * (10 ms) that a kill lands in the middle of an apply.
 */
export async function startTrialBench(): Promise<TrialBench> {
  const sim = await startSimulator({
    port: 0,
    clock: "real",
    strict: true,
    maxPageSize: 5,
    seed: fastSeed(),
    faults: [{ latencyMs: 10 }],
  });
  const dir = await mkdtemp(join(tmpdir(), "qac-once-"));
  await writeFile(join(dir, "plan.yaml"), PLAN);
  return {
    sim,
    dir,
    async applyToEnd(args, env = {}) {
      const { code, err } = await qacInProcess(["apply", "plan.yaml", "--concurrency", "2", ...args], sim, dir, env);
      if (code !== 0) throw new Error(`qac apply exited ${code}: ${err}`);
    },
  };
}
