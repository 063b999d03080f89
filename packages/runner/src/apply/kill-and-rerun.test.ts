import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createLocalLeaseProvider } from "../lease/local-lease.js";
import {
  startFixture,
  resolveEntries,
  MIXED_ENTRIES,
  runsPerKey,
  maxRunId,
  SIMULATOR_MODES,
} from "../test-support/fixtures.js";
import { applyPlan } from "./apply-plan.js";

const child = fileURLToPath(new URL("../test-support/apply-child.ts", import.meta.url));
const ENTRIES = `${MIXED_ENTRIES}  - key: more
    test: Filter results by price range
    configurations: [chrome, firefox, safari]
`;

/** Starts the child apply and SIGKILLs it `delayMs` after it starts applying (Infinity: lets it finish). */
function runAndKill(url: string, locks: string, delayMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--import", "tsx", "--conditions=qac-source", child], {
      env: { ...process.env, QAC_URL: url, QAC_TEST_ENTRIES: ENTRIES, QAC_TEST_LOCKS: locks },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    proc.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("applying") && Number.isFinite(delayMs)) setTimeout(() => proc.kill("SIGKILL"), delayMs).unref();
    });
    proc.stderr.on("data", (d: Buffer) => void (err += d.toString()));
    proc.on("error", reject);
    proc.on("exit", (code, signal) =>
      signal === "SIGKILL" || code === 0 ? resolve(out) : reject(new Error(`child exited ${code}: ${err}`)),
    );
  });
}

describe.each(SIMULATOR_MODES)("four apply processes of one plan started together ($name)", ({ options }) => {
  it("end with exactly one run per desired run", async () => {
    const f = await startFixture({ ...options, faults: [{ latencyMs: 5 }] });
    const locks = await mkdtemp(join(tmpdir(), "qac-four-"));
    try {
      const plan = await resolveEntries(f.client, ENTRIES);
      const before = maxRunId(f.sim);
      const outputs = await Promise.all([1, 2, 3, 4].map(() => runAndKill(f.sim.url, locks, Number.POSITIVE_INFINITY)));
      const created = outputs.map((o) => (JSON.parse(o.split("\n")[1]!) as { created: number }).created);
      expect(created.reduce((a, b) => a + b, 0)).toBe(plan.runs.length);
      expect([...runsPerKey(f.sim, 1001, before).values()]).toEqual(plan.runs.map(() => 1));
    } finally {
      await f.close();
    }
  }, 60_000);
});

describe.each(SIMULATOR_MODES)("an apply killed with SIGKILL at random points ($name)", ({ options }) => {
  it("converges to exactly one run per desired run when run again", async () => {
    // 15 ms per request makes an apply last long enough to be killed in the middle of it.
    const f = await startFixture({ ...options, faults: [{ latencyMs: 15 }] });
    const locks = await mkdtemp(join(tmpdir(), "qac-kill-"));
    try {
      const plan = await resolveEntries(f.client, ENTRIES);
      const delays = [0, 20, 45, 70, 110, 160];
      const outputs: string[] = [];
      const partial: number[] = [];
      for (const delay of delays) {
        await f.sim.clock.advance(24 * 3_600_000);
        const before = maxRunId(f.sim);
        outputs.push(await runAndKill(f.sim.url, locks, delay));
        partial.push(runsPerKey(f.sim, 1001, before).size);
        // The killed process left its lock behind: the rerun must break it (the PID is gone).
        const rerun = await applyPlan(f.client, plan, {
          lease: createLocalLeaseProvider({ dir: locks, pollMs: 10 }),
          lockTimeoutMs: 5000,
        });
        expect(rerun.summary.failed).toBe(0);
        expect([...runsPerKey(f.sim, 1001, before).values()], `killed after ${delay} ms`).toEqual(
          plan.runs.map(() => 1),
        );
      }
      // At least one kill landed in the middle: that child never printed its summary.
      expect(outputs.some((o) => !o.includes("created"))).toBe(true);
      // ... and at least one left the plan half applied (some runs created, not all).
      expect(
        partial.some((n) => n > 0 && n < plan.runs.length),
        `runs created before each kill: ${partial.join(", ")}`,
      ).toBe(true);
    } finally {
      await f.close();
    }
  }, 90_000);
});
