import { runStatusBucket, type TestRun } from "@qac/core";
import type { WaitResult } from "@qac/runner";
import type { Style, StyleFormat } from "./style.js";
import { terminalText } from "./terminal-text.js";

const VERDICT: Record<WaitResult["outcome"], { label: string; format: StyleFormat }> = {
  passed: { label: "Passed", format: "green" },
  failed: { label: "Failed", format: "red" },
  timeout: { label: "Timed out", format: "red" },
  interrupted: { label: "Interrupted", format: "red" },
};

/**
 * The result of a wait (stdout): one line per run with its status, id and what it is, then the
 * verdict and its reason (`Failed: 1 of 2 runs did not pass: 130002 (Failed)`). Runs for which
 * `logged` is true already have that line in the log (CI progress) and are not listed again.
 */
export function renderWaitSummary(
  result: WaitResult,
  describe: (run: TestRun) => string,
  style: Style = (_f, s) => s,
  logged: (run: TestRun) => boolean = () => false,
): string {
  const format = (r: TestRun): StyleFormat => {
    const bucket = runStatusBucket(r.status_code);
    return bucket === "passed" ? "green" : bucket === "inProgress" || bucket === "awaiting" ? "yellow" : "red";
  };
  const lines = result.runs
    .filter((r) => !logged(r))
    .map((r) => `  ${style(format(r), terminalText(r.status_code).padEnd(12))} run ${r.id}  ${describe(r)}`);
  const verdict = VERDICT[result.outcome];
  lines.push(`${style(verdict.format, verdict.label)}: ${terminalText(result.reason)}`);
  return `${lines.join("\n")}\n`;
}
