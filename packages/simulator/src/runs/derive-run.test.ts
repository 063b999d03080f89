import { describe, expect, it } from "vitest";
import type { ItemStatus, RunItemRow } from "../tenant/wire-types.js";
import { deriveRun } from "./derive-run.js";

const items = (...statuses: ItemStatus[]) =>
  statuses.map((status_code, i) => ({ status_code, run_time: 10 * (i + 1) }) as RunItemRow);

describe("deriveRun", () => {
  it("is Awaiting Run while every item waits, In Progress once a host started it", () => {
    expect(deriveRun(items("Awaiting Run", "Awaiting Run"), false).status_code).toBe("Awaiting Run");
    expect(deriveRun(items("Awaiting Run", "Awaiting Run"), true).status_code).toBe("In Progress");
  });

  it("is In Progress while some items are done and some wait", () => {
    expect(deriveRun(items("Passed", "Awaiting Run"), false).status_code).toBe("In Progress");
  });

  it("ranks Skipped over Failed over Blocked over Passed when all are done", () => {
    expect(deriveRun(items("Failed", "Skipped", "Blocked"), true).status_code).toBe("Incomplete");
    expect(deriveRun(items("Failed", "Blocked", "Passed"), true).status_code).toBe("Failed");
    expect(deriveRun(items("Blocked", "Passed"), true).status_code).toBe("Blocked");
    expect(deriveRun(items("Passed", "Passed"), true).status_code).toBe("Passed");
  });

  it("counts items and sums run time", () => {
    expect(deriveRun(items("Passed", "Failed", "Blocked", "Awaiting Run"), true)).toEqual({
      status_code: "In Progress",
      nbr_tests: 4,
      nbr_passed: 1,
      nbr_failed: 1,
      nbr_blocked: 1,
      nbr_awaiting_run: 1,
      run_time: 100,
      run_time_formated: "00:01:40",
    });
  });

  it("counts NA and choice-list statuses like Passed for the status, in nbr_tests only", () => {
    expect(deriveRun(items("Passed", "NA", "Passed with warnings"), true)).toMatchObject({
      status_code: "Passed",
      nbr_tests: 3,
      nbr_passed: 1,
      nbr_failed: 0,
      nbr_blocked: 0,
      nbr_awaiting_run: 0,
    });
    expect(deriveRun(items("NA", "Failed"), true).status_code).toBe("Failed");
    expect(deriveRun(items("NA", "Awaiting Run"), true).status_code).toBe("In Progress");
  });
});
