import type { PreviewDocument, PreviewRun } from "./build-preview.js";
import { summaryLine } from "./build-preview.js";
import { plural } from "../output/plural.js";

/** Options of {@link renderPreviewText}. */
export interface TextOptions {
  /** ANSI colours (decide with the CLI's `useColor`: TTY and NO_COLOR). @default false */
  color?: boolean;
}

const SYMBOL = { create: "+", "create-forced": "+", skip: "=" } as const;
const LABEL = { create: "create", "create-forced": "create (forced)", skip: "skip" } as const;
const COLOR = { create: 32, "create-forced": 33, skip: 2 } as const;

/** A run's columns: test or set, configuration, release, host. */
export function runColumns(r: Pick<PreviewRun, "kind" | "title" | "configuration" | "release" | "host">): string[] {
  return [
    `${r.kind === "test" ? "test" : "set"} ${r.title}`,
    r.configuration?.title ?? "-",
    r.release?.path ?? "-",
    r.host?.name ?? "-",
  ];
}

/**
 * The preview for a terminal: a header, the summary line, then one line per run (decision, test or
 * set, configuration, release, host, reason) in display order, columns aligned.
 */
export function renderPreviewText(doc: PreviewDocument, options: TextOptions = {}): string {
  const paint = (code: number, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const calls = doc.calls.observe;
  const lines = [
    `Plan ${doc.plan.name} (${doc.plan.file}) · project ${doc.project.name} (${doc.project.id})${doc.applyIdentity ? ` · --once-per ${doc.applyIdentity}` : ""}`,
    `${paint(1, summaryLine(doc.summary))} · Run History read with ${plural(calls.total, "call")} (minimum ${calls.minimum})`,
  ];
  const rows = doc.runs.map((r) => [`${SYMBOL[r.decision]} ${LABEL[r.decision]}`, ...runColumns(r), r.reason]);
  const widths = [0, 1, 2, 3, 4].map((i) => Math.min(48, Math.max(...rows.map((row) => row[i]!.length))));
  if (rows.length > 0) lines.push("");
  doc.runs.forEach((r, index) => {
    const row = rows[index]!;
    const cells = row
      .slice(0, 5)
      .map((c, i) => (c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c.padEnd(widths[i]!)));
    lines.push(`  ${paint(COLOR[r.decision], cells[0]!)}  ${cells.slice(1).join("  ")}  ${paint(2, row[5]!)}`);
  });
  return `${lines.join("\n")}\n`;
}
