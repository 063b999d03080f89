import { bucketOf } from "../store/status-bucket.js";
import type { RunView } from "../store/status-store.js";
import { html, safeHref, type SafeHtml } from "./html.js";

/** The table of an apply's runs; each status cell carries `data-run` so live updates find it. */
export function renderRunsTable(
  runs: readonly RunView[],
  runLink: (projectId: number, runId: number | null) => string | null,
): SafeHtml {
  if (runs.length === 0) return html`<p class="empty">This apply has no runs.</p>`;
  const rows = runs.map((run) => {
    const href = safeHref(runLink(run.projectId, run.runId));
    const id =
      run.runId === null
        ? "—"
        : href
          ? html`<a href="${href}" rel="noopener noreferrer">${run.runId}</a>`
          : html`${run.runId}`;
    return html`<tr>
      <td>${run.title}</td>
      <td>${run.configuration ?? "—"}</td>
      <td>${run.release ?? "—"}</td>
      <td>${run.host ?? "—"}</td>
      <td>${run.outcome}</td>
      <td class="num">${id}</td>
      <td class="status s-${bucketOf(run.status)}" data-run="${run.projectId}:${run.runId ?? ""}">${run.status ?? "—"}</td>
    </tr>`;
  });
  return html`<table>
    <thead><tr><th>Run</th><th>Configuration</th><th>Release</th><th>Host</th><th>Outcome</th><th>Run id</th><th>Status</th></tr></thead>
    <tbody>${rows}</tbody>
  </table>`;
}
