import type { ApplySummary } from "../store/status-store.js";

/**
 * What an apply did to its runs, in words that cannot be read as test results: "failed" on this
 * page is kept for tests that failed. "2 created, 0 satisfied, 0 create errors", with
 * ", 1 not started" and " (interrupted)" when so.
 * @example describeApplyRuns({ created: 2, satisfied: 0, failed: 0, notStarted: 0 }, "succeeded")
 */
export function describeApplyRuns(summary: ApplySummary["summary"], status: string): string {
  const n = (key: string) => summary[key] ?? 0;
  const notStarted = n("notStarted") > 0 ? `, ${n("notStarted")} not started` : "";
  const interrupted = status === "interrupted" ? " (interrupted)" : "";
  const errors = `${n("failed")} create ${n("failed") === 1 ? "error" : "errors"}`;
  return `${n("created")} created, ${n("satisfied")} satisfied, ${errors}${notStarted}${interrupted}`;
}

/** The apply's own result (did every desired run get a run?), never "succeeded" or "failed". */
export function describeApplyResult(status: string): string {
  switch (status) {
    case "succeeded":
      return "all runs in place";
    case "failed":
      return "some runs not created";
    case "interrupted":
      return "interrupted";
    default:
      return status;
  }
}

/** A desired run's outcome in the apply: a run that could not be created is a "create error". */
export function describeOutcome(outcome: string): string {
  switch (outcome) {
    case "failed":
      return "create error";
    case "unknown":
      return "create unconfirmed";
    case "not-started":
      return "not started";
    default:
      return outcome;
  }
}
