import type { ConfigProblem } from "@qac/core";
import { terminalText } from "../render/terminal-text.js";

/**
 * One bad connection setting in the user's words: the setting they set (`QAC_URL`, `--url`), the
 * value they gave when it is not secret, and what was expected.
 * @example "QAC_URL is not valid (\"localhost:8787\"): expected an http(s) URL of the QAComplete server root, ..."
 */
export function describeConfigProblem(problem: ConfigProblem, settings: Readonly<Record<string, string>>): string {
  const setting = settings[problem.option] ?? problem.option;
  if (problem.kind === "missing") return `${setting} is missing: expected ${problem.expected}.`;
  const value = problem.found === undefined ? "" : ` (${terminalText(JSON.stringify(problem.found))})`;
  return `${setting} is not valid${value}: expected ${problem.expected}.`;
}
