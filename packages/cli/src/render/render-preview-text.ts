import { summaryLine, type PreviewDocument, type PreviewRun } from "@qac/runner";
import { plural } from "./plural.js";
import type { Style, StyleFormat } from "./style.js";
import { terminalText } from "./terminal-text.js";

const SYMBOL = { create: "+", "create-forced": "+", skip: "=" } as const;
const LABEL = { create: "create", "create-forced": "create (forced)", skip: "skip" } as const;
const FORMAT: Record<PreviewRun["decision"], StyleFormat> = { create: "green", "create-forced": "yellow", skip: "dim" };

/** A run's columns: test or set, configuration, release, host; safe for a terminal. */
function runColumns(r: PreviewRun): string[] {
  return [
    `${r.kind === "test" ? "test" : "set"} ${r.title}`,
    r.configuration?.title,
    r.release?.path,
    r.host?.name,
  ].map((c) => (c === undefined ? "-" : terminalText(c)));
}

/**
 * `qac plan` on a terminal: a header, the summary line, then one line per run (decision, test or
 * set, configuration, release, host, reason) in display order, columns aligned and cut at 48
 * characters. Every text from the plan or QAComplete is shown with its control characters escaped.
 */
export function renderPreviewText(doc: PreviewDocument, style: Style = (_f, s) => s): string {
  const calls = doc.calls.observe;
  const once = doc.applyIdentity ? ` · --once-per ${terminalText(doc.applyIdentity)}` : "";
  const lines = [
    `Plan ${terminalText(doc.plan.name)} (${terminalText(doc.plan.file)}) · project ` +
      `${terminalText(doc.project.name)} (${doc.project.id})${once}`,
    `${style("bold", summaryLine(doc.summary))} · Run History read with ${plural(calls.total, "call")} (minimum ` +
      `${calls.minimum})`,
  ];
  const rows = doc.runs.map((r) => [`${SYMBOL[r.decision]} ${LABEL[r.decision]}`, ...runColumns(r)]);
  const widths = [0, 1, 2, 3, 4].map((i) => Math.min(48, Math.max(...rows.map((row) => row[i]!.length))));
  if (rows.length > 0) lines.push("");
  doc.runs.forEach((r, index) => {
    const cells = rows[index]!.map((c, i) =>
      c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c.padEnd(widths[i]!),
    );
    const reason = style("dim", terminalText(r.reason));
    lines.push(`  ${style(FORMAT[r.decision], cells[0]!)}  ${cells.slice(1).join("  ")}  ${reason}`);
  });
  return `${lines.join("\n")}\n`;
}
