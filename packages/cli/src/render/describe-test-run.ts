import type { TestRun } from "@qac/core";
import { terminalText } from "./terminal-text.js";

/** What a run row does not say: the test of a single-test run, the release's full path. */
export interface RunLabel {
  /** `set Checkout smoke` or `test Log in with e-mail and password`. */
  what: string;
  /** `2026.12 / RC1 / Build 42`, or null when unknown (the row's release name is shown). */
  release: string | null;
}

/**
 * `set Checkout smoke · Chrome / Windows 11 · 2026.12 / RC1 / Build 42 · build-agent-01` for a run
 * row, in the words of `qac apply` (the release as its full path, when `label` knows it), every
 * part safe for a terminal.
 */
export function describeTestRun(run: TestRun, label?: RunLabel): string {
  const what = label?.what ?? (run.test_set_name ? `set ${run.test_set_name}` : `run ${run.id}`);
  return [what, run.configuration_name, label?.release ?? run.release_name, run.test_host]
    .filter((part): part is string => Boolean(part))
    .map(terminalText)
    .join(" · ");
}
