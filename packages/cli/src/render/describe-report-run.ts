import type { ReportRun } from "@qac/runner";
import { terminalText } from "./terminal-text.js";

/**
 * `set Checkout smoke · Chrome / Windows 11 · 2026.12 / RC1 / Build 42 · build-agent-01`: what a run
 * is, the release as its full path, every part safe for a terminal. `qac apply` and `qac wait` both
 * describe runs with it.
 */
export function describeReportRun(r: Pick<ReportRun, "kind" | "title" | "configuration" | "release" | "host">): string {
  return [`${r.kind === "test" ? "test" : "set"} ${r.title}`, r.configuration?.title, r.release?.path, r.host?.name]
    .filter(Boolean)
    .map((part) => terminalText(part!))
    .join(" · ");
}
