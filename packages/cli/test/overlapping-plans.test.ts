/**
 * Two plans that share desired runs, applied at once by several processes (issue 10, defect 4):
 * the lease is per project, so the shared runs are created once, with the local lock and with the
 * status server's lease.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator, type Simulator } from "@qac/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allFinished, freePort, maxRunId, qac, runsPerKey, statusServer, until } from "./support/processes.js";

const HEAD = `version: 1
project: Web Shop
configurations: { chrome: "Chrome / Windows 11", firefox: "Firefox / Ubuntu 24.04" }
hosts: { windows: build-agent-01 }
defaults: { host: windows, configurations: [chrome, firefox] }
entries:
  - { key: shared-search, test: Search by product name }
  - { key: shared-checkout, testSet: Checkout smoke }
`;
const PLANS = {
  "a.yaml": `${HEAD}  - { key: cart, test: Change quantity in cart }\n`,
  "b.yaml": `${HEAD}  - { key: price, test: Filter results by price range }\n`,
};
const DISTINCT_RUNS = 8; // 2 shared entries + 1 of each plan, on 2 configurations
const TRIALS = 3;

let sim: Simulator;
let dir: string;
beforeAll(async () => {
  // Runs stay pending (the virtual clock only moves when told), so a run one apply created satisfies
  // the other plan's apply: only the lease keeps them from both creating it.
  sim = await startSimulator({ port: 0, clock: "virtual", strict: true, maxPageSize: 5, faults: [{ latencyMs: 5 }] });
  dir = await mkdtemp(join(tmpdir(), "qac-overlap-"));
  for (const [name, text] of Object.entries(PLANS)) await writeFile(join(dir, name), text);
});
afterAll(() => sim.close());

/** Lets the trial's runs finish, so the next trial creates its own. */
async function finish(before: number): Promise<void> {
  await sim.clock.advance(24 * 3_600_000);
  await until(() => allFinished(sim, 1001, before), 10_000, "the runs to finish");
}

/** Four applies at once, two of each plan; every one must succeed. */
async function applyAtOnce(extra: (i: number) => string[], env: Record<string, string> = {}): Promise<void> {
  const children = ["a.yaml", "b.yaml", "a.yaml", "b.yaml"].map((plan, i) =>
    qac(["apply", plan, "--concurrency", "4", ...extra(i)], sim, dir, env),
  );
  for (const child of children) expect(await child.exit, child.err()).toBe(0);
}

describe("two plans sharing runs, applied at once by four processes", () => {
  it("create each shared run once with the local lock (one lock per project)", async () => {
    for (let trial = 1; trial <= TRIALS; trial += 1) {
      const before = maxRunId(sim);
      await applyAtOnce(() => ["--state-file", `local-${trial}/state.json`]);
      expect([...runsPerKey(sim, 1001, before).values()], `trial ${trial}`).toEqual(Array(DISTINCT_RUNS).fill(1));
      await finish(before);
    }
  }, 120_000);

  it("create each shared run once with the status server's lease (machines apart: a state file each)", async () => {
    const token = "status-token-of-the-test-0123456789";
    const port = await freePort();
    const server = await statusServer(port, join(dir, "status.db"), token);
    try {
      for (let trial = 1; trial <= TRIALS; trial += 1) {
        const before = maxRunId(sim);
        const url = `http://127.0.0.1:${port}`;
        await applyAtOnce((i) => ["--status-url", url, "--state-file", `status-${trial}/${i}.json`], {
          QAC_STATUS_TOKEN: token,
        });
        expect([...runsPerKey(sim, 1001, before).values()], `trial ${trial}`).toEqual(Array(DISTINCT_RUNS).fill(1));
        await finish(before);
      }
    } finally {
      server.proc.kill("SIGKILL");
      await server.exit;
    }
  }, 180_000);
});
