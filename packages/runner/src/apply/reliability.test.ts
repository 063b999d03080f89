import { describe, expect, it } from "vitest";
import type { FaultRule } from "@qac/simulator";
import {
  startFixture,
  resolveEntries,
  MIXED_ENTRIES,
  runsPerKey,
  maxRunId,
  SIMULATOR_MODES,
} from "../test-support/fixtures.js";
import { applyPlan } from "./apply-plan.js";

const ENTRIES = `${MIXED_ENTRIES}  - key: regression
    testSet: Search regression
    configurations: [chrome, firefox]
    host: linux
  - key: quantity
    test: Filter results by price range
    configurations: [chrome, firefox, safari]
`;

/** About 20% of all requests fail: 429, 503, a reset before the handler and a reset after it. */
const FAULTS: FaultRule[] = [
  { probability: 0.05, status: 429, retryAfterSeconds: 0 },
  { probability: 0.05, status: 503, retryAfterSeconds: 0 },
  { probability: 0.05, reset: "before" },
  { probability: 0.05, reset: "after" },
];

describe.each(SIMULATOR_MODES)("reliability under injected faults ($name)", ({ options }) => {
  it("ends with exactly one run per desired run across many fault seeds", async () => {
    const f = await startFixture(options);
    try {
      const plan = await resolveEntries(f.client, ENTRIES);
      let reconciled = 0;
      let posts = 0;
      let creates = 0;
      for (let seed = 1; seed <= 25; seed += 1) {
        f.sim.counters.reset();
        await f.sim.clock.advance(24 * 3_600_000); // earlier seeds' runs finish: this seed starts afresh
        const before = maxRunId(f.sim);
        f.sim.faults.set(FAULTS, seed);
        let report = await applyPlan(f.client, plan, { sleep: () => Promise.resolve(), concurrency: 4 }).catch(
          () => null,
        );
        // An apply may end with unknown outcomes or fail to observe; the rerun converges.
        for (let i = 0; i < 5 && (report === null || report.summary.failed > 0); i += 1)
          report = await applyPlan(f.client, plan, { sleep: () => Promise.resolve() }).catch(() => null);
        f.sim.faults.clear();
        posts += f.sim.counters.get("POST /api/v2/projects/:projectId/testruns");
        creates += plan.runs.length;
        reconciled += report?.runs.filter((r) => r.reason.includes("reconciliation")).length ?? 0;
        const counts = runsPerKey(f.sim, 1001, before);
        expect([...counts.values()], `seed ${seed}`).toEqual(plan.runs.map(() => 1));
        const again = await applyPlan(f.client, plan, { sleep: () => Promise.resolve() });
        expect(again.summary.created, `seed ${seed}: rerun`).toBe(0);
      }
      // The faults did hit creates: some responses were lost and found again, some creates repeated.
      expect(reconciled).toBeGreaterThan(0);
      expect(posts).toBeGreaterThan(creates);
    } finally {
      await f.close();
    }
  }, 60_000);
});
