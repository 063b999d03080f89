import { describe, expect, it } from "vitest";
import { RunnerError, isRunnerError } from "./errors.js";

describe("runner errors", () => {
  it("carries a code and plain details that callers branch on", () => {
    const error = new RunnerError("RUNNER_STALE_PLAN", "stale", { changed: [] });
    expect(isRunnerError(error, "RUNNER_STALE_PLAN")).toBe(true);
    expect(isRunnerError(error, "RUNNER_SAVED_PLAN")).toBe(false);
    expect(error.details).toEqual({ changed: [] });
  });
});
