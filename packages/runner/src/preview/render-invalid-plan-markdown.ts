import { formatDiagnostic, type Diagnostic } from "@qac/planner";
import { codeSpanText, fenceFor, fencedText, safeUrl } from "./markdown-text.js";
import { GITHUB_COMMENT_LIMIT, previewMarker, type MarkdownOptions } from "./render-preview-markdown.js";

/**
 * The pull-request comment for a plan that cannot be previewed (`qac plan --format markdown` on an
 * invalid plan, exit 3). It starts with the same marker line as {@link renderPreviewMarkdown}, so it
 * replaces the plan's previous preview comment in place; the summary says how many errors and
 * warnings; every diagnostic follows with file:line:column and the caret excerpt, as
 * `qac validate` prints them. Diagnostics that would push it past `maxChars` are cut with a note.
 */
export function renderInvalidPlanMarkdown(
  planName: string,
  file: string,
  diagnostics: readonly Diagnostic[],
  options: MarkdownOptions = {},
): string {
  const max = Math.min(options.maxChars ?? 65_000, GITHUB_COMMENT_LIMIT);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const blocks = diagnostics.map((d) => fencedText(formatDiagnostic(d)));
  const fence = fenceFor(blocks.join("\n"));
  const statusUrl = options.statusUrl ? safeUrl(options.statusUrl) : "";
  const status = statusUrl ? ` · [status server](${statusUrl})` : "";
  const head = [
    previewMarker(planName),
    `### qac plan \`${codeSpanText(planName)}\`: ❌ invalid plan, ` +
      `${count(errors, "error")}${warnings ? `, ${count(warnings, "warning")}` : ""}`,
    "",
    `Nothing can be previewed or applied until the plan is fixed. \`qac validate ${codeSpanText(file)}\` shows the ` +
      `same offline.${status}`,
    "",
    fence,
  ].join("\n");
  const tail = `\n${fence}\n`;
  const cutNote = (n: number) =>
    `\n\n_${count(n, "more diagnostic")} not shown: the comment would exceed GitHub's 65,535-character limit. Run ` +
    `\`qac validate\` for all of them._\n`;
  let body = head;
  let shown = 0;
  for (const block of blocks) {
    if (body.length + 1 + block.length + tail.length + cutNote(blocks.length).length > max) break;
    body += `\n${block}`;
    shown += 1;
  }
  return body + tail + (shown < blocks.length ? cutNote(blocks.length - shown) : "");
}
