import { runStatusBucket } from "@qac/core";
import type { RunView } from "../store/status-store.js";
import { describeOutcome } from "./describe-apply.js";
import { html, safeHref, type SafeHtml } from "./html.js";

/**
 * The table of runs; each status cell carries `data-run` so live updates find it. With `withPlan`
 * a first column names each run's plan (the failures table lists runs of every plan). A run id
 * links into QAComplete only when the server has a run link template; otherwise it is plain text.
 */
export function renderRunsTable(
  runs: readonly RunView[],
  runLink: (projectId: number, runId: number | null) => string | null,
  options: { withPlan?: boolean; hidden?: boolean } = {},
): SafeHtml {
  if (runs.length === 0 && !options.hidden) return html`<p class="empty">This apply has no runs.</p>`;
  const rows = runs.map((run) => {
    const href = safeHref(runLink(run.projectId, run.runId));
    const id =
      run.runId === null
        ? "—"
        : href
          ? html`<a href="${href}" rel="noopener noreferrer">${run.runId}</a>`
          : html`${run.runId}`;
    const key = `${run.projectId}:${run.runId ?? ""}`;
    const status = html`<td class="status s-${runStatusBucket(run.status)}" data-run="${key}">`;
    return html`<tr>
      ${options.withPlan ? html`<td>${run.plan}</td>` : ""}<td>${run.title}</td>
      <td>${run.configuration ?? "—"}</td>
      <td>${run.release ?? "—"}</td>
      <td>${run.host ?? "—"}</td>
      <td>${describeOutcome(run.outcome)}</td>
      <td class="num">${id}</td>
      ${status}${run.status ?? "—"}</td>
    </tr>`;
  });
  const head = ["Run", "Configuration", "Release", "Host", "Apply outcome", "Run id", "Test status"].map(
    (h) => html`<th>${h}</th>`,
  );
  return html`<table${options.hidden ? " hidden" : ""}>
    <thead><tr>${options.withPlan ? html`<th>Plan</th>` : ""}${head}</tr></thead>
    <tbody>${rows}</tbody>
  </table>`;
}
