import type { ApplyReport, ReportRun } from "../report/apply-report.js";

const COLOR: Record<ReportRun["outcome"], number> = {
  created: 32,
  satisfied: 2,
  failed: 31,
  "not-started": 33,
  unknown: 31,
};

/** `set Checkout smoke · Chrome / Windows 11 · 2026.12 / RC1 / Build 42 · build-agent-01`. */
export function describeReportRun(r: Pick<ReportRun, "kind" | "title" | "configuration" | "release" | "host">): string {
  return [`${r.kind === "test" ? "test" : "set"} ${r.title}`, r.configuration?.title, r.release?.path, r.host?.name]
    .filter(Boolean)
    .join(" · ");
}

/** One plain line for a finished run (CI logs): outcome, run id, what, and why when it is not plain. */
export function runLine(r: ReportRun, color = false): string {
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const id = r.runId === null ? "-" : `run ${r.runId}`;
  const why = r.outcome === "created" && r.reason === "created" ? "" : `  (${r.reason})`;
  return `${paint(COLOR[r.outcome], r.outcome.padEnd(11))} ${id.padEnd(11)} ${describeReportRun(r)}${why}`;
}

/**
 * The closing summary of an apply: counts, then one line per run with its id. After an
 * interruption it names the runs created so far and says how to continue.
 */
export function renderApplySummary(report: ApplyReport, options: { color?: boolean } = {}): string {
  const s = report.summary;
  const lines = [
    `${report.status === "interrupted" ? "Interrupted" : "Applied"} ${report.plan.name} to ${report.project.name} (${report.project.id}): ${s.created} created, ${s.satisfied} satisfied, ${s.failed} failed, ${s.notStarted} not started`,
  ];
  for (const r of report.runs) lines.push(`  ${runLine(r, options.color)}`);
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
