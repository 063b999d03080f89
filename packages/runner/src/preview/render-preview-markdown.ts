import { formatDiagnostic, type Diagnostic } from "@qac/planner";
import type { PreviewDocument } from "./build-preview.js";
import { summaryLine } from "./build-preview.js";
import { codeSpanText, fenceFor, fencedText, markdownText, safeUrl } from "./markdown-text.js";
import { plural } from "./plural.js";

/** GitHub's limit for one comment body. */
export const GITHUB_COMMENT_LIMIT = 65_535;

/** Options of {@link renderPreviewMarkdown}. */
export interface MarkdownOptions {
  /** Longest output in characters. @default 65000 (under GitHub's 65,535) */
  maxChars?: number;
  /** The status server's page (`--status-url` / QAC_STATUS_URL): linked from the comment. @default null */
  statusUrl?: string | null;
  /** Warnings about the plan (valid, but worth fixing): counted in the summary and listed collapsed. @default [] */
  warnings?: readonly Diagnostic[];
}

/** The hidden first line CI tools search for to update the comment in place. */
export function previewMarker(planName: string): string {
  return `<!-- qac-preview: ${codeSpanText(planName).replace(/-{2,}/g, "-")} -->`;
}

/** A run's cells: test or set, configuration, release, host (Markdown-escaped). */
const runCells = (r: PreviewDocument["runs"][number]): string[] =>
  [`${r.kind === "test" ? "test" : "set"} ${r.title}`, r.configuration?.title, r.release?.path, r.host?.name].map(
    (c) => (c === undefined ? "-" : markdownText(c)),
  );
const DECISION = { create: "➕ create", "create-forced": "➕ create (forced)", skip: "✔️ skip" } as const;

/**
 * The preview as a pull-request comment: the marker line, the summary first, the runs in a
 * collapsed `<details>` table in display order. Rows that would push it past `maxChars` are cut
 * and a note says how many.
 */
export function renderPreviewMarkdown(doc: PreviewDocument, options: MarkdownOptions = {}): string {
  const max = Math.min(options.maxChars ?? 65_000, GITHUB_COMMENT_LIMIT);
  // At most 20 warnings in full, so they never crowd the runs out of the comment.
  const allWarnings = options.warnings ?? [];
  const warnings = allWarnings.slice(0, 20).map((d) => fencedText(formatDiagnostic(d)));
  if (allWarnings.length > warnings.length)
    warnings.push(`... ${allWarnings.length - warnings.length} more: run qac validate`);
  const warningCount = allWarnings.length
    ? `, ${allWarnings.length} warning${allWarnings.length === 1 ? "" : "s"}`
    : "";
  const statusUrl = options.statusUrl ? safeUrl(options.statusUrl) : "";
  const fence = fenceFor(warnings.join("\n"));
  const head = [
    previewMarker(doc.plan.name),
    `### qac plan \`${codeSpanText(doc.plan.name)}\`: ${summaryLine(doc.summary)}${warningCount}`,
    "",
    `Project **${markdownText(doc.project.name)}** (${doc.project.id}) · \`${codeSpanText(doc.plan.file)}\`` +
      (doc.applyIdentity ? ` · once per \`${codeSpanText(doc.applyIdentity)}\`` : "") +
      ` · Run History read with ${plural(doc.calls.observe.total, "call")} at ${doc.observedAt}` +
      (statusUrl ? ` · [status server](${statusUrl})` : ""),
    "",
    ...(warnings.length
      ? [
          `<details><summary>${allWarnings.length} warning${allWarnings.length === 1 ? "" : "s"}</summary>`,
          "",
          fence,
          ...warnings,
          fence,
          "",
          "</details>",
          "",
        ]
      : []),
    `<details><summary>${doc.runs.length} run${doc.runs.length === 1 ? "" : "s"}</summary>`,
    "",
    "| Decision | Test or set | Configuration | Release | Host | Reason |",
    "|---|---|---|---|---|---|",
  ].join("\n");
  const tail = "\n\n</details>\n";
  const rows = doc.runs.map(
    (r) => `| ${DECISION[r.decision]} | ${runCells(r).join(" | ")} | ${markdownText(r.reason)} |`,
  );
  const cutNote = (n: number) =>
    `\n\n_${n} more run${n === 1 ? "" : "s"} not shown: the comment would exceed GitHub's 65,535-character limit. ` +
    `Run \`qac plan --format json\` for all of them._`;
  let body = head;
  let shown = 0;
  for (const row of rows) {
    const reserve = tail.length + cutNote(rows.length).length + 1;
    if (body.length + 1 + row.length + reserve > max) break;
    body += `\n${row}`;
    shown += 1;
  }
  if (shown < rows.length) body += cutNote(rows.length - shown);
  return body + tail;
}
