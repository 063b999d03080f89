import { describe, expect, it } from "vitest";
import {
  FINAL_RUN_STATUSES,
  isFinishedRun,
  isPassedRun,
  isUnfinishedRun,
  runStatusBucket,
  UNFINISHED_RUN_STATUSES,
} from "./run-status.js";

describe("run lifecycle", () => {
  it("knows the unfinished statuses in any letter case, Paused included", () => {
    for (const s of [...UNFINISHED_RUN_STATUSES, "awaiting run", "IN PROGRESS"]) {
      expect([isUnfinishedRun(s), isFinishedRun(s)]).toEqual([true, false]);
    }
  });

  it("takes documented final statuses and undocumented ones as finished, never as passed", () => {
    for (const s of [...FINAL_RUN_STATUSES, "Closed", "Passed with warnings"]) expect(isFinishedRun(s)).toBe(true);
    expect(["Passed", "passed"].map(isPassedRun)).toEqual([true, true]);
    expect(["Passed with warnings", "NA", "Incomplete", ""].map(isPassedRun)).toEqual([false, false, false, false]);
  });

  it("does not call a missing status finished", () => {
    expect([isFinishedRun(null), isFinishedRun(undefined), isFinishedRun("")]).toEqual([false, false, false]);
  });

  it("buckets every status, unknown ones as other", () => {
    expect(
      ["Passed", "failed", "Blocked", "Awaiting Run", "Paused", "In Progress", "Incomplete", "NA", null].map(
        runStatusBucket,
      ),
    ).toEqual(["passed", "failed", "blocked", "awaiting", "inProgress", "inProgress", "other", "other", "other"]);
  });
});
