import { describe, expect, it } from "vitest";
import type { ObservedRun } from "../observe/observed-run.js";
import { fakeDesiredRun, fakeObservedRun } from "../test-support/fake-runs.js";
import { diffPlan } from "./diff-plan.js";

// Release 904 on build-agent-01 unless said otherwise.
const at = { release: 904, host: "build-agent-01" };
const plan = {
  runs: [
    fakeDesiredRun({ key: "search", test: 3101, configuration: 801, ...at }),
    fakeDesiredRun({ key: "search", test: 3101, configuration: 802, ...at }),
    fakeDesiredRun({ key: "search", test: 3101, configuration: 803, ...at }),
    fakeDesiredRun({ key: "checkout", testSet: 6101, configuration: 801, ...at }),
    fakeDesiredRun({ key: "cart", test: 3122, configuration: 801, ...at, host: "build-agent-02" }),
    fakeDesiredRun({ key: "forced", test: 3105, configuration: 801, ...at, forceNewRun: true }),
  ],
};

/** Run `1000 + i` of Run History, with the same test or set, configuration, release and host as desired run `i`. */
const runFor = (i: number, over: Partial<ObservedRun> = {}): ObservedRun =>
  fakeObservedRun(plan.runs[i]!, { id: 1000 + i, ...over });
const none = { ledger: null, applyIdentity: null };

describe("diffPlan", () => {
  it("creates every run when Run History has none", () => {
    const changes = diffPlan(plan.runs, { runs: [], ...none });
    expect(changes.map((c) => c.decision)).toEqual(["create", "create", "create", "create", "create", "create-forced"]);
  });

  it("skips a run while an unfinished run with the same key exists, naming it and why", () => {
    const changes = diffPlan(plan.runs, {
      runs: [runFor(1, { status: "In Progress" }), runFor(3, { status: "Paused" })],
      ...none,
    });
    expect(changes[1]).toMatchObject({ decision: "skip", satisfiedBy: 1001, cause: "unfinished-run" });
    expect(changes[1]!.reason).toContain("still In Progress");
    expect(changes[3]).toMatchObject({ decision: "skip", satisfiedBy: 1003 });
    expect(changes[0]!.decision).toBe("create");
  });

  it("creates again when the matching run has finished", () => {
    const changes = diffPlan(plan.runs, {
      runs: [runFor(0, { status: "Passed" }), runFor(3, { status: "Failed" })],
      ...none,
    });
    expect(changes[0]!.decision).toBe("create");
    expect(changes[3]!.decision).toBe("create");
  });

  it("does not let a run of another configuration, release, host or test satisfy a run", () => {
    const others = [
      runFor(0, { configurationId: 999 }),
      runFor(0, { releaseId: 999, id: 2000 as ObservedRun["id"] }),
      runFor(4, { hostName: "build-agent-01" }),
      runFor(0, { testId: 1 as ObservedRun["testId"], id: 2001 as ObservedRun["id"] }),
    ];
    expect(diffPlan(plan.runs, { runs: others, ...none }).filter((c) => c.decision === "skip")).toEqual([]);
  });

  it("lets one existing run satisfy only one desired run", () => {
    const dup = runFor(0);
    const changes = diffPlan([plan.runs[0]!, { ...plan.runs[0]!, identity: "other" }], { runs: [dup], ...none });
    expect(changes.map((c) => c.decision)).toEqual(["skip", "create"]);
  });

  it("always creates a forceNewRun run, even with a matching unfinished run, and says so", () => {
    const changes = diffPlan(plan.runs, { runs: [runFor(5)], ...none });
    expect(changes[5]).toMatchObject({ decision: "create-forced", satisfiedBy: null });
    expect(changes[5]!.reason).toContain("forceNewRun");
  });

  it("skips a run an earlier apply with the same --once-per id created, even when it finished", () => {
    const changes = diffPlan(plan.runs, {
      runs: [runFor(2, { status: "Passed" })],
      ledger: { [plan.runs[2]!.identity]: 1002 },
      applyIdentity: "sha-1",
    });
    expect(changes[2]).toMatchObject({
      decision: "skip",
      satisfiedBy: 1002,
      cause: "once-per",
      satisfiedByStatus: "Passed",
    });
    expect(changes[2]!.reason).toContain("--once-per sha-1");
  });

  it("does not create a forced run again under the same --once-per id", () => {
    const changes = diffPlan(plan.runs, {
      runs: [],
      ledger: { [plan.runs[5]!.identity]: 77 },
      applyIdentity: "pipeline-9",
    });
    expect(changes[5]).toMatchObject({ decision: "skip", satisfiedBy: 77, cause: "once-per" });
  });

  it("returns plain data and the same output for the same input", () => {
    const input = { runs: [runFor(1)], ...none };
    const a = diffPlan(plan.runs, input);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(diffPlan(plan.runs, input)).toEqual(a);
  });

  it("decides 50,000 --once-per runs against 50,000 observed runs in seconds, no scan of Run History per run", () => {
    // A scan per run (2.5 billion comparisons) took about 15 s here; a lookup takes well under 1 s.
    const n = 50_000;
    const desired = Array.from({ length: n }, (_, i) => ({ ...plan.runs[0]!, identity: `id-${i}` }));
    const runs = Array.from({ length: n }, (_, i) => runFor(0, { id: (1_000_000 + i) as ObservedRun["id"] }));
    const ledger = Object.fromEntries(desired.map((d, i) => [d.identity, 1_000_000 + i]));
    const started = performance.now();
    const changes = diffPlan(desired, { runs, ledger, applyIdentity: "sha-1" });
    expect(performance.now() - started).toBeLessThan(6000);
    expect(changes[n - 1]).toMatchObject({
      decision: "skip",
      cause: "once-per",
      satisfiedBy: 1_000_000 + n - 1,
      satisfiedByStatus: "Awaiting Run",
    });
  });
});
