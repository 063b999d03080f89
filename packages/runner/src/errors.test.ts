import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RUNNER_ERROR_CODES, RunnerError, isRunnerError } from "./errors.js";

describe("runner errors", () => {
  it("documents every error code with its fix in the README", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    for (const code of RUNNER_ERROR_CODES) expect(readme, code).toContain(`| \`${code}\` |`);
  });

  it("carries a code and plain details that callers branch on", () => {
    const error = new RunnerError("RUNNER_STALE_PLAN", "stale", { changed: [] });
    expect(isRunnerError(error, "RUNNER_STALE_PLAN")).toBe(true);
    expect(isRunnerError(error, "RUNNER_SAVED_PLAN")).toBe(false);
    expect(error.details).toEqual({ changed: [] });
  });
});
