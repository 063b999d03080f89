import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isUnfinishedRun, toProjectId, type ClientOptions, type TestRun } from "@qac/core";
import { DUPLICATE_RUN_MODES, type SimulatorOptions } from "@qac/simulator";
import {
  startFixture,
  resolveEntries,
  MIXED_ENTRIES,
  runsPerKey,
  maxRunId,
  SIMULATOR_MODES,
} from "../test-support/fixtures.js";
import { createLocalLeaseProvider } from "../lease/local-lease.js";
import { createLocalLedger } from "../ledger/local-ledger.js";
import { createLocalRunTestCache } from "../observe/run-test-cache.js";
import { applyPlan } from "./apply-plan.js";
import { diffPlan } from "../diff/diff-plan.js";
import { observeRunHistory } from "../observe/observe-run-history.js";
import { isRunnerError, type RunnerError } from "../errors.js";

const fixtures: { close(): Promise<void> }[] = [];
afterEach(async () => {
  while (fixtures.length) await fixtures.pop()!.close();
});
/** Starts fixtures of one simulator mode; options given per test are added to the mode's. */
const starter =
  (mode: SimulatorOptions) =>
  async (options: SimulatorOptions = {}, clientOptions: Partial<ClientOptions> = {}) => {
    const f = await startFixture({ ...mode, ...options }, clientOptions);
    fixtures.push(f);
    return f;
  };
const noWait = () => Promise.resolve();

describe.each(SIMULATOR_MODES)("applyPlan ($name)", ({ options: mode }) => {
  const start = starter(mode);
  it("creates what the diff says, sending every field explicitly, and a second apply creates nothing", async () => {
    const { sim, client } = await start();
    const plan = await resolveEntries(client, MIXED_ENTRIES);
    const before = maxRunId(sim);
    const first = await applyPlan(client, plan, { sleep: noWait });
    expect(first.summary).toEqual({ created: 5, satisfied: 0, failed: 0, notStarted: 0 });
    expect(first.status).toBe("succeeded");
    expect([...runsPerKey(sim, 1001, before).values()]).toEqual([1, 1, 1, 1, 1]);
    sim.counters.reset();
    const second = await applyPlan(client, plan, { sleep: noWait });
    expect(second.summary).toEqual({ created: 0, satisfied: 5, failed: 0, notStarted: 0 });
    expect(second.runs.map((r) => r.runId)).toEqual(first.runs.map((r) => r.runId));
    expect(sim.counters.get("POST /api/v2/projects/:projectId/testruns")).toBe(0);
  });

  it.each(DUPLICATE_RUN_MODES)(
    "yields 3 runs for a test x 3 configurations matrix in duplicateRunMode %s",
    async (mode) => {
      const { sim, client } = await start({ duplicateRunMode: mode });
      const plan = await resolveEntries(client, MIXED_ENTRIES.split("  - key: checkout")[0]!);
      const before = maxRunId(sim);
      const report = await applyPlan(client, plan, { sleep: noWait, concurrency: 1 });
      expect(report.summary.created).toBe(3);
      const counts = runsPerKey(sim, 1001, before);
      expect([...counts.values()]).toEqual([1, 1, 1]);
      expect([...counts.keys()].map((k) => k.split("/")[1])).toEqual(["cfg:801", "cfg:802", "cfg:803"]);
    },
  );

  it.each(DUPLICATE_RUN_MODES)(
    "finds lost create responses of a matrix by reconciliation in duplicateRunMode %s: 3 runs, each reported " +
      "created once",
    async (mode) => {
      const { sim, client } = await start({
        duplicateRunMode: mode,
        faults: [{ route: "POST /api/v2/projects/:projectId/testruns", reset: "after", times: 3 }],
      });
      const plan = await resolveEntries(client, MIXED_ENTRIES.split("  - key: checkout")[0]!);
      const before = maxRunId(sim);
      const report = await applyPlan(client, plan, { sleep: noWait, concurrency: 3 });
      expect(report.runs.map((r) => r.outcome)).toEqual(["created", "created", "created"]);
      expect(new Set(report.runs.map((r) => r.runId)).size).toBe(3);
      expect(report.runs.every((r) => r.reason.includes("reconciliation"))).toBe(true);
      expect([...runsPerKey(sim, 1001, before).values()]).toEqual([1, 1, 1]);
      expect(sim.counters.get("POST /api/v2/projects/:projectId/testruns")).toBe(3);
    },
  );

  it("reports a run the server reused (known before the apply) as satisfied, never as created", async () => {
    const { sim, client } = await start({ duplicateRunMode: "same-test" });
    const plan = await resolveEntries(
      client,
      `  - key: forced
    test: Search by product name
    configurations: [chrome]
    forceNewRun: true
`,
    );
    // A server that ignores ForceNewRunCreation (12.x) hands back the active run of the same test.
    const existing = sim.runs.insertMany(1001, [
      { testId: 3141, testConfigId: 801, releaseId: 904, hostId: 101, status: "Awaiting Run" },
    ])[0]!;
    const original = client.testRuns.create.bind(client.testRuns);
    client.testRuns.create = async (projectId, body) => original(projectId, { ...body, ForceNewRunCreation: false });
    const report = await applyPlan(client, plan, { sleep: noWait });
    expect(report.runs[0]).toMatchObject({ outcome: "satisfied", runId: existing });
    expect(report.runs[0]!.reason).toContain(`existing run ${existing}`);
    expect(report.summary.created).toBe(0);
  });

  it("creates a sequence group in order, not waiting for runs to finish, and stops at its first failure", async () => {
    const { sim, client } = await start();
    const plan = await resolveEntries(
      client,
      `  - key: a
    test: Search by product name
    configurations: [chrome]
    sequenceGroup: g
  - key: b
    test: Change quantity in cart
    configurations: [chrome]
    sequenceGroup: g
  - key: c
    test: Search by SKU jumps to product page
    configurations: [chrome]
    sequenceGroup: g
  - key: d
    test: Filter results by price range
    configurations: [chrome]
    sequenceGroup: g
`,
    );
    const order: number[] = [];
    const unfinishedBefore: boolean[] = [];
    let previous: TestRun | null = null;
    const original = client.testRuns.create.bind(client.testRuns);
    client.testRuns.create = async (projectId, body) => {
      order.push(Number(body.TestId));
      // A sequence orders creates; it never waits for the run before to finish (docs/plan-format.md).
      if (previous)
        unfinishedBefore.push(isUnfinishedRun((await client.testRuns.get(projectId, previous.id)).status_code));
      // The third run's host is switched off: the server refuses it (400).
      if (order.length === 3) sim.hosts.setActive(101, false);
      previous = await original(projectId, body);
      return previous;
    };
    const report = await applyPlan(client, plan, { sleep: noWait, concurrency: 8 });
    expect(order).toEqual([3141, 3122, 3148]);
    expect(unfinishedBefore).toEqual([true, true]);
    expect(report.runs.map((r) => r.outcome)).toEqual(["created", "created", "failed", "not-started"]);
    expect(report.runs[3]!.reason).toContain("c/chrome/build42");
    expect(report.status).toBe("failed");
    expect(report.summary).toEqual({ created: 2, satisfied: 0, failed: 1, notStarted: 1 });
  });

  it("stops starting creates when interrupted and reports what it created", async () => {
    const { client } = await start();
    const plan = await resolveEntries(client, MIXED_ENTRIES);
    const controller = new AbortController();
    const report = await applyPlan(client, plan, {
      sleep: noWait,
      concurrency: 1,
      onEvent: (e) => void (e.type === "run" && e.done === 2 && controller.abort()),
      signal: controller.signal,
    });
    expect(report.status).toBe("interrupted");
    expect(report.runs.map((r) => r.outcome)).toEqual([
      "created",
      "created",
      "not-started",
      "not-started",
      "not-started",
    ]);
  });

  it("after Ctrl-C in a sequence group, reports the rest as interrupted, not as stopped by a failure", async () => {
    const { client } = await start();
    const plan = await resolveEntries(
      client,
      `  - key: a
    test: Search by product name
    configurations: [chrome]
    sequenceGroup: g
  - key: b
    test: Change quantity in cart
    configurations: [chrome]
    sequenceGroup: g
  - key: c
    test: Search by SKU jumps to product page
    configurations: [chrome]
    sequenceGroup: g
`,
    );
    const controller = new AbortController();
    const report = await applyPlan(client, plan, {
      sleep: noWait,
      signal: controller.signal,
      onEvent: (e) => void (e.type === "run" && controller.abort()),
    });
    expect(report.runs.map((r) => r.outcome)).toEqual(["created", "not-started", "not-started"]);
    expect(report.runs.slice(1).map((r) => r.reason)).toEqual([
      "not started: the apply was interrupted",
      "not started: the apply was interrupted",
    ]);
  });

  it("with --once-per, a rerun after the runs finished creates nothing, and a new id creates again", async () => {
    const { sim, client } = await start();
    const dir = await mkdtemp(join(tmpdir(), "qac-ledger-"));
    const ledger = createLocalLedger(join(dir, "state.json"));
    const plan = await resolveEntries(client, MIXED_ENTRIES);
    const first = await applyPlan(client, plan, { sleep: noWait, applyIdentity: "sha-1", ledger });
    expect(first.summary.created).toBe(5);
    await sim.clock.advance(3_600_000); // every run finishes
    const retried = await applyPlan(client, plan, { sleep: noWait, applyIdentity: "sha-1", ledger });
    expect(retried.summary).toMatchObject({ created: 0, satisfied: 5 });
    expect(retried.runs[0]!.reason).toContain("--once-per sha-1");
    const next = await applyPlan(client, plan, { sleep: noWait, applyIdentity: "sha-2", ledger });
    expect(next.summary.created).toBe(5);
  });

  it("applies a saved plan again with its --once-per id (a retried CI job): not stale, nothing created", async () => {
    const { sim, client } = await start();
    const dir = await mkdtemp(join(tmpdir(), "qac-ledger-"));
    const ledger = createLocalLedger(join(dir, "state.json"));
    const plan = await resolveEntries(
      client,
      `${MIXED_ENTRIES}  - key: forced
    test: Search by SKU jumps to product page
    configurations: [chrome]
    forceNewRun: true
`,
    );
    const history = await observeRunHistory(client, plan.project.id, plan.runs, { applyIdentity: "sha-1", ledger });
    const expected = diffPlan(plan.runs, history).map((c) => ({
      identity: c.identity,
      decision: c.decision,
      satisfiedBy: c.satisfiedBy,
    }));
    const first = await applyPlan(client, plan, { sleep: noWait, applyIdentity: "sha-1", ledger, expected });
    expect(first.summary.created).toBe(6);
    await sim.clock.advance(3_600_000); // the runs even finish before the retry
    const retried = await applyPlan(client, plan, { sleep: noWait, applyIdentity: "sha-1", ledger, expected });
    expect(retried.summary).toEqual({ created: 0, satisfied: 6, failed: 0, notStarted: 0 });
    expect(retried.runs.map((r) => r.runId)).toEqual(first.runs.map((r) => r.runId));
  });

  it("creates nothing when the --once-per intent cannot be recorded anywhere, and says why", async () => {
    const { sim, client } = await start();
    const plan = await resolveEntries(client, MIXED_ENTRIES);
    const before = maxRunId(sim);
    const ledger = { read: () => Promise.resolve({}), record: () => Promise.reject(new Error("disk full")) };
    const report = await applyPlan(client, plan, { sleep: noWait, applyIdentity: "sha-1", ledger });
    expect(report.status).toBe("failed");
    expect(report.runs.map((r) => r.reason)).toEqual(
      plan.runs.map(() => "not started: the --once-per intent could not be recorded (disk full)"),
    );
    expect(runsPerKey(sim, 1001, before).size).toBe(0);
  });

  it("keeps the report and names the runs to look at when a run id cannot be recorded after its create", async () => {
    const { client } = await start();
    const plan = await resolveEntries(client, MIXED_ENTRIES);
    // Intents are written; the run ids after the creates are not.
    const ledger = {
      read: () => Promise.resolve({}),
      record: (_p: number, _a: string, entries: readonly { runId: number | null }[]) =>
        entries.some((e) => e.runId !== null) ? Promise.reject(new Error("disk full")) : Promise.resolve(),
    };
    const error = await applyPlan(client, plan, { sleep: noWait, applyIdentity: "sha-1", ledger }).catch(
      (e: unknown) => e,
    );
    expect(isRunnerError(error, "RUNNER_RECORD_NOT_DURABLE")).toBe(true);
    const { details } = error as RunnerError<"RUNNER_RECORD_NOT_DURABLE">;
    const report = details.report!;
    expect(report.summary.created).toBe(5);
    expect(details.runIds.sort()).toEqual(report.runs.map((r) => r.runId).sort());
    expect((error as Error).message).toMatch(/look at these runs before applying again with the same --once-per id/);
  });

  it("four applies of one plan started together end with exactly one run per desired run", async () => {
    const { sim, client } = await start();
    const plan = await resolveEntries(client, MIXED_ENTRIES);
    const dir = await mkdtemp(join(tmpdir(), "qac-lock-"));
    const before = maxRunId(sim);
    const reports = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        applyPlan(client, plan, {
          lease: createLocalLeaseProvider({ dir, pollMs: 5, holder: { name: `apply ${i}` } }),
          concurrency: 4,
        }),
      ),
    );
    expect(reports.reduce((n, r) => n + r.summary.created, 0)).toBe(5);
    expect(reports.every((r) => r.summary.failed === 0)).toBe(true);
    expect([...runsPerKey(sim, 1001, before).values()]).toEqual([1, 1, 1, 1, 1]);
  });

  it("finds a run whose create response was lost instead of creating it again", async () => {
    const { sim, client } = await start({
      faults: [{ route: "POST /api/v2/projects/:projectId/testruns", reset: "after", times: 2 }],
    });
    const plan = await resolveEntries(client, MIXED_ENTRIES);
    // Unfinished runs of the first runs' cells on another host: at a page cap, the read that finds a lost
    // run takes several pages, and the run it looks for is on the last.
    sim.runs.insertMany(
      1001,
      [801, 802]
        .flatMap((testConfigId) =>
          Array.from({ length: 7 }, () => ({ testId: 3141, testConfigId, releaseId: 904, hostId: 103 })),
        )
        .map((run) => ({ ...run, status: "Awaiting Run" as const })),
    );
    const before = maxRunId(sim);
    const report = await applyPlan(client, plan, { sleep: noWait, concurrency: 1 });
    expect(report.runs.slice(0, 2).map((r) => r.reason)).toEqual([
      expect.stringMatching(/^created \(the response was lost; found run \d+ by reconciliation\)$/),
      expect.stringMatching(/reconciliation/),
    ]);
    expect(report.summary.created).toBe(5);
    expect([...runsPerKey(sim, 1001, before).values()]).toEqual([1, 1, 1, 1, 1]);
    expect(sim.counters.get("POST /api/v2/projects/:projectId/testruns")).toBe(5);
  });

  it("waits out 429s with Retry-After (the client's policy) and never fails the apply for them", async () => {
    const waits: number[] = [];
    const { sim, client } = await start({}, { retry: { sleep: (ms) => (waits.push(ms), Promise.resolve()) } });
    const plan = await resolveEntries(client, MIXED_ENTRIES);
    sim.faults.set([{ status: 429, retryAfterSeconds: 2, times: 12 }]);
    const report = await applyPlan(client, plan, { sleep: noWait, concurrency: 1 });
    expect(report.status).toBe("succeeded");
    expect(report.summary.created).toBe(5);
    expect(waits).toHaveLength(12);
    expect(new Set(waits)).toEqual(new Set([2000]));
  });

  it("on Ctrl-C while the client waits out a long Retry-After, stops at once; the run is not started", async () => {
    const controller = new AbortController();
    const waits: number[] = [];
    // The client's wait would last ten minutes; the abort ends it.
    const longWait = (ms: number) => (waits.push(ms), controller.abort(), new Promise<void>(() => undefined));
    const { sim, client } = await start({}, { signal: controller.signal, retry: { sleep: longWait } });
    const plan = await resolveEntries(client, MIXED_ENTRIES.split("  - key: checkout")[0]!);
    sim.faults.set([{ route: "POST /api/v2/projects/:projectId/testruns", status: 429, retryAfterSeconds: 600 }]);
    const report = await applyPlan(client, plan, { concurrency: 1, signal: controller.signal, sleep: noWait });
    expect(waits).toEqual([600_000]);
    expect(report.status).toBe("interrupted");
    expect(report.runs.map((r) => [r.outcome, r.reason])).toEqual(
      [0, 1, 2].map(() => ["not-started", "not started: the apply was interrupted"]),
    );
    expect(sim.counters.get("POST /api/v2/projects/:projectId/testruns")).toBe(1);
  });

  it("observes with filters built from the plan's ids; reads items only for candidate single-test runs", async () => {
    const { sim, client } = await start();
    const plan = await resolveEntries(client, MIXED_ENTRIES);
    // Noise: finished runs, and an unfinished single-test run on another configuration.
    sim.runs.insertMany(1001, [
      { testId: 3141, testConfigId: 801, releaseId: 904, hostId: 101, status: "Passed" },
      { testId: 3142, testConfigId: 804, releaseId: 904, hostId: 101, status: "Awaiting Run" },
    ]);
    // Unfinished runs the filters return but no desired run matches (another release, another host):
    // 6 + 1 rows for the set filter, 8 + 4 for the single-test one.
    sim.runs.insertMany(
      1001,
      [
        ...Array.from({ length: 6 }, () => ({ testSetId: 6101, testConfigId: 801, releaseId: 903, hostId: 101 })),
        ...Array.from({ length: 8 }, () => ({ testId: 3142, testConfigId: 801, releaseId: 904, hostId: 103 })),
      ].map((run) => ({ ...run, status: "Awaiting Run" as const })),
    );
    await applyPlan(client, plan, { sleep: noWait });
    sim.counters.reset();
    const report = await applyPlan(client, plan, { sleep: noWait });
    expect(report.summary.satisfied).toBe(5);
    // One page per filter; at a cap of 5, pages overlap by 2 rows (the overlap is a tenth of the 1000
    // rows asked for, at most half the rows received), so 7 rows take 2 pages (offsets 0, 3) and 12
    // take 4 (0, 3, 6, 9).
    const pages = { none: 2, 5: 2 + 4 }[mode.maxPageSize ?? "none"];
    expect(sim.counters.get("GET /api/v2/projects/:projectId/testruns")).toBe(pages);
    expect(sim.counters.get("GET /api/v2/projects/:projectId/testruns/:id/items")).toBe(4);
    expect(toProjectId(1001)).toBe(report.project.id);
  });
});

describe.each(SIMULATOR_MODES)("the run-test cache ($name)", ({ options: mode }) => {
  const start = starter(mode);
  const SEARCH = `  - key: search
    test: Search by product name
    configurations: [chrome]
`;
  const CART = `  - key: cart
    test: Change quantity in cart
    configurations: [chrome]
`;

  it("never lends a cached test to a run of another server, or of a restarted one, that got the same id", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qac-cache-"));
    const file = join(dir, "run-tests.json");
    const a = await start();
    const first = await applyPlan(a.client, await resolveEntries(a.client, SEARCH), {
      sleep: noWait,
      runTests: createLocalRunTestCache(file, { scope: a.sim.url }),
    });
    // A fresh server hands out the same run id to a run of another test in the same cell.
    for (const [scope, advance] of [
      ["another server", 0],
      ["same server, restarted", 60_000],
    ] as const) {
      const b = await start();
      await b.sim.clock.advance(advance);
      const other = await applyPlan(b.client, await resolveEntries(b.client, CART), { sleep: noWait });
      expect(other.runs[0]!.runId, scope).toBe(first.runs[0]!.runId);
      const runTests = createLocalRunTestCache(file, { scope: advance === 0 ? b.sim.url : a.sim.url });
      const history = await observeRunHistory(
        b.client,
        toProjectId(1001),
        (await resolveEntries(b.client, SEARCH)).runs,
        { runTests },
      );
      expect(diffPlan((await resolveEntries(b.client, SEARCH)).runs, history)[0]!.decision, scope).toBe("create");
      expect(history.calls.itemLists, scope).toBe(1);
    }
  });

  it("lets a re-apply skip item reads for single-test runs qac created", async () => {
    const { sim, client } = await start();
    const dir = await mkdtemp(join(tmpdir(), "qac-cache-"));
    const runTests = createLocalRunTestCache(join(dir, "run-tests.json"));
    const plan = await resolveEntries(client, MIXED_ENTRIES);
    await applyPlan(client, plan, { sleep: noWait, runTests });
    sim.counters.reset();
    const again = await applyPlan(client, plan, { sleep: noWait, runTests });
    expect(again.summary.satisfied).toBe(5);
    expect(sim.counters.get("GET /api/v2/projects/:projectId/testruns/:id/items")).toBe(0);
    // Without the cache the same re-apply reads one item per pending single-test run.
    sim.counters.reset();
    await applyPlan(client, plan, { sleep: noWait });
    expect(sim.counters.get("GET /api/v2/projects/:projectId/testruns/:id/items")).toBe(4);
  });
});

describe("a create whose outcome stays unknown", () => {
  const POST = "POST /api/v2/projects/:projectId/testruns";
  const start = starter({});
  const ONE_RUN = `  - key: search
    test: Search by product name
    configurations: [chrome]
`;

  it("is looked up before every new create, and created again only with core's backoff, 5 creates in all", async () => {
    const { sim, client } = await start({ faults: [{ route: POST, status: 503 }] });
    const plan = await resolveEntries(client, ONE_RUN);
    const before = maxRunId(sim);
    sim.counters.reset();
    const waits: number[] = [];
    const log: string[] = [];
    const original = client.testRuns.list.bind(client.testRuns);
    client.testRuns.list = (...args) => (log.push("look up"), original(...args));
    const create = client.testRuns.create.bind(client.testRuns);
    client.testRuns.create = (...args) => (log.push("create"), create(...args));
    const report = await applyPlan(client, plan, {
      // The lowest jitter: each wait is half of core's ceiling (RETRY_DEFAULTS: 500 ms, doubling).
      random: () => 0,
      sleep: (ms) => (waits.push(ms), log.push(`wait ${ms}`), Promise.resolve()),
    });
    expect(report.runs.map((r) => [r.outcome, r.reason])).toEqual([
      ["failed", "the create failed 5 times with an unknown outcome and no run was found each time"],
    ]);
    expect(sim.counters.get(POST)).toBe(5);
    expect(waits).toEqual([250, 500, 1000, 2000]);
    // Observe, then each create is followed by a look-up; no wait after the last.
    expect(log).toEqual([
      "look up",
      ...[250, 500, 1000, 2000].flatMap((ms) => ["create", "look up", `wait ${ms}`]),
      "create",
      "look up",
    ]);
    expect(runsPerKey(sim, 1001, before).size).toBe(0);
  });

  it("sends no create after Ctrl-C during the backoff", async () => {
    const { sim, client } = await start({ faults: [{ route: POST, status: 503 }] });
    const plan = await resolveEntries(client, ONE_RUN);
    const controller = new AbortController();
    // A wait that never ends on its own: only the abort ends it.
    const report = await applyPlan(client, plan, {
      signal: controller.signal,
      sleep: () => (controller.abort(), new Promise<void>(() => undefined)),
    });
    expect(report.runs.map((r) => [r.outcome, r.reason])).toEqual([
      ["not-started", "interrupted: the create did not complete (reconciliation found no run)"],
    ]);
    expect(sim.counters.get(POST)).toBe(1);
  });
});
