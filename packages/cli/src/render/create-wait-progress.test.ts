import { describe, expect, it } from "vitest";
import type { TestRun } from "@qac/core";
import { createWaitProgress } from "./create-wait-progress.js";
import { renderWaitSummary } from "./render-wait-summary.js";

const run = (id: number, status: string) => ({ id, status_code: status }) as TestRun;
const describeRun = (r: TestRun) => `set Checkout smoke #${r.id} · Chrome / Windows 11 · 2026.12 / RC1 / Build 42`;

/** A progress writing to an array, on a clock the test moves. */
function harness(mode: "live" | "plain") {
  const written: string[] = [];
  let now = 1_000_000;
  const progress = createWaitProgress(
    { write: (s: string) => written.push(s), isTTY: mode === "live", columns: 200 },
    { mode, total: 3, timeoutMs: 1_800_000, describe: describeRun, now: () => now, tickMs: 60_000 },
  );
  return { progress, written, at: (seconds: number) => void (now = 1_000_000 + seconds * 1000) };
}

describe("createWaitProgress in CI (plain lines)", () => {
  it("with the result, shows each run's final status once in the log: runs already logged are not listed again", () => {
    const { progress, written, at } = harness("plain");
    progress.start();
    progress.onPoll([run(1, "Awaiting Run"), run(2, "Passed"), run(3, "Awaiting Run")]);
    at(5);
    progress.onPoll([run(1, "Failed"), run(2, "Passed"), run(3, "In Progress")]);
    progress.done();
    const result = {
      outcome: "timeout",
      reason: "2 of 3 runs finished",
      runs: [run(1, "Failed"), run(2, "Passed"), run(3, "In Progress")],
    };
    const log =
      written.join("") + renderWaitSummary(result as never, describeRun, undefined, (r) => progress.logged(r));
    for (const id of [1, 2, 3]) expect(log.match(new RegExp(`run ${id} `, "g")), `run ${id}`).toHaveLength(1);
    expect(log).toContain("[0:05] run 1 Failed · set Checkout smoke #1");
    expect(log).toContain("  Passed       run 2  set Checkout smoke #2"); // seen finished at the first poll: listed
    expect(log.trimEnd().split("\n").at(-1)).toBe("Timed out: 2 of 3 runs finished");
  });

  it("writes a line per status change, flags the first failure, and a count line only after 30 s of silence", () => {
    const { progress, written, at } = harness("plain");
    progress.start();
    progress.onPoll([run(1, "Awaiting Run"), run(2, "Awaiting Run"), run(3, "Awaiting Run")]);
    at(2);
    progress.onPoll([run(1, "In Progress"), run(2, "Awaiting Run"), run(3, "Awaiting Run")]);
    at(20);
    progress.onPoll([run(1, "In Progress"), run(2, "Awaiting Run"), run(3, "Awaiting Run")]);
    at(40);
    progress.onPoll([run(1, "Failed"), run(2, "In Progress"), run(3, "Awaiting Run")]);
    at(69);
    progress.onPoll([run(1, "Failed"), run(2, "In Progress"), run(3, "Awaiting Run")]);
    at(71);
    progress.onPoll([run(1, "Failed"), run(2, "In Progress"), run(3, "Awaiting Run")]);
    at(75);
    progress.onPoll([run(1, "Failed"), run(2, "Blocked"), run(3, "Passed")]);
    progress.done();
    expect(written.join("")).toMatchInlineSnapshot(`
      "Waiting for 3 runs (timeout 30m)...
      [0:00] 0 of 3 finished: 0 passed · 0 failed · 0 blocked · 0 in progress · 3 awaiting · 30m left
      [0:02] run 1 In Progress · set Checkout smoke #1 · Chrome / Windows 11 · 2026.12 / RC1 / Build 42
      [0:40] run 1 Failed · set Checkout smoke #1 · Chrome / Windows 11 · 2026.12 / RC1 / Build 42  (first failure)
      [0:40] run 2 In Progress · set Checkout smoke #2 · Chrome / Windows 11 · 2026.12 / RC1 / Build 42
      [1:11] 1 of 3 finished: 0 passed · 1 failed · 0 blocked · 1 in progress · 1 awaiting · 28m49s left
      [1:15] run 2 Blocked · set Checkout smoke #2 · Chrome / Windows 11 · 2026.12 / RC1 / Build 42
      [1:15] run 3 Passed · set Checkout smoke #3 · Chrome / Windows 11 · 2026.12 / RC1 / Build 42
      "
    `);
  });

  it("shows a failure already there at the first poll at once", () => {
    const { progress, written } = harness("plain");
    progress.onPoll([run(1, "Blocked"), run(2, "Passed"), run(3, "Awaiting Run")]);
    expect(written.join("")).toMatchInlineSnapshot(`
      "[0:00] 2 of 3 finished: 1 passed · 0 failed · 1 blocked · 0 in progress · 1 awaiting · 30m left
      [0:00] first failure: run 1 Blocked · set Checkout smoke #1 · Chrome / Windows 11 · 2026.12 / RC1 / Build 42
      "
    `);
  });
});

describe("createWaitProgress on a terminal (live bar)", () => {
  it("redraws one bar with the counts and the time, and prints the first failure above it as soon as seen", () => {
    const { progress, written, at } = harness("live");
    progress.start();
    progress.onPoll([run(1, "Awaiting Run"), run(2, "In Progress"), run(3, "Awaiting Run")]);
    at(65);
    progress.onPoll([run(1, "Failed"), run(2, "Passed"), run(3, "Paused")]);
    at(70);
    progress.onPoll([run(1, "Failed"), run(2, "Passed"), run(3, "Blocked")]);
    progress.done();
    // "\r\u001b[K" (back to the line start, clear it) shown as <redraw>.
    expect(written.map((w) => w.replaceAll("\r\u001b[K", "<redraw>"))).toMatchInlineSnapshot(`
      [
        "Waiting for 3 runs (timeout 30m)...
      ",
        "<redraw>[------------------------] 0/3 · 0 passed · 0 failed · 0 blocked · 1 in progress · 2 awaiting · 0s elapsed · 30m left",
        "<redraw>First failure: run 1 Failed · set Checkout smoke #1 · Chrome / Windows 11 · 2026.12 / RC1 / Build 42
      ",
        "<redraw>[################--------] 2/3 · 1 passed · 1 failed · 0 blocked · 1 in progress · 0 awaiting · 1m05s elapsed · 28m55s left",
        "<redraw>[########################] 3/3 · 1 passed · 1 failed · 1 blocked · 0 in progress · 0 awaiting · 1m10s elapsed · 28m50s left",
        "<redraw>",
      ]
    `);
  });
});

describe("createWaitProgress counts", () => {
  it("names Incomplete runs, and any status QAComplete does not document as other", () => {
    const { progress, written, at } = harness("plain");
    progress.onPoll([run(1, "Incomplete"), run(2, "Passed"), run(3, "Incomplete")]);
    progress.onPoll([run(1, "Incomplete"), run(2, "Passed"), run(3, "Retired")]);
    at(31);
    progress.onPoll([run(1, "Incomplete"), run(2, "Passed"), run(3, "Retired")]);
    expect(written.join("")).toMatchInlineSnapshot(`
      "[0:00] 3 of 3 finished: 1 passed · 0 failed · 0 blocked · 2 incomplete · 0 in progress · 0 awaiting · 30m left
      [0:00] first failure: run 1 Incomplete · set Checkout smoke #1 · Chrome / Windows 11 · 2026.12 / RC1 / Build 42
      [0:00] run 3 Retired · set Checkout smoke #3 · Chrome / Windows 11 · 2026.12 / RC1 / Build 42
      [0:31] 3 of 3 finished: 1 passed · 0 failed · 0 blocked · 2 other · 0 in progress · 0 awaiting · 29m29s left
      "
    `);
  });
});
