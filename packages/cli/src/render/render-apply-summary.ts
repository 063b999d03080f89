import type { ApplyReport, ReportRun } from "@qac/runner";
import { describeReportRun } from "./describe-report-run.js";
import { terminalText } from "./terminal-text.js";
import type { Style, StyleFormat } from "./style.js";

/**
 * What an apply did to each desired run. "failed" is kept for test results: a run whose create
 * failed is a "create error" here, as on the status page.
 */
const OUTCOME: Record<ReportRun["outcome"], { label: string; format: StyleFormat }> = {
  created: { label: "created", format: "green" },
  satisfied: { label: "satisfied", format: "dim" },
  failed: { label: "create error", format: "red" },
  "not-started": { label: "not started", format: "yellow" },
  unknown: { label: "unknown", format: "red" },
};

/** `2 created, 0 satisfied, 0 create errors, 0 not started`. */
function applyCounts(s: ApplyReport["summary"]): string {
  return (
    `${s.created} created, ${s.satisfied} satisfied, ${s.failed} create error${s.failed === 1 ? "" : "s"}, ` +
    `${s.notStarted} not started`
  );
}

/** One line for a run of an apply: outcome, run id, what, and why when it is not plain. */
function runLine(r: ReportRun, style: Style = (_f, s) => s): string {
  const { label, format } = OUTCOME[r.outcome];
  const id = r.runId === null ? "-" : `run ${r.runId}`;
  const why = r.outcome === "created" && r.reason === "created" ? "" : `  (${terminalText(r.reason)})`;
  return `${style(format, label.padEnd(12))} ${id.padEnd(11)} ${describeReportRun(r)}${why}`;
}

/**
 * The closing summary of an apply: counts, then one line per run with its id. After an
 * interruption it names the runs created so far and says how to continue.
 */
export function renderApplySummary(report: ApplyReport, style: Style = (_f, s) => s): string {
  const verb = report.status === "interrupted" ? "Interrupted" : "Applied";
  const lines = [
    `${verb} ${terminalText(report.plan.name)} to ${terminalText(report.project.name)} (${report.project.id}): ` +
      `${applyCounts(report.summary)}`,
  ];
  for (const r of report.runs) lines.push(`  ${runLine(r, style)}`);
  if (report.status === "interrupted") {
    const created = report.runs.filter((r) => r.outcome === "created").map((r) => r.runId);
    lines.push(
      created.length
        ? `Created before stopping: ${created.map((id) => `run ${id}`).join(", ")}.`
        : "Nothing was created before stopping.",
    );
    lines.push("Run qac apply again to create the rest: runs already created are found and not created twice.");
  }
  return `${lines.join("\n")}\n`;
}
