import type { PlanOverview, RunView, StatusCounts } from "../store/status-store.js";
import { html, type SafeHtml } from "./html.js";
import { renderRunsTable } from "./render-runs-table.js";

/** Count labels in the order a reader wants them: what needs attention first. */
export const COUNT_LABELS = [
  ["failed", "Failed"],
  ["blocked", "Blocked"],
  ["inProgress", "In progress"],
  ["awaiting", "Awaiting"],
  ["passed", "Passed"],
  ["other", "Other"],
] as const;

/** Failed and blocked runs of every plan's latest apply (the first of them, and how many in all). */
export interface Attention {
  runs: readonly RunView[];
  total: number;
}

/** Sums the counts of every plan's latest apply. */
function totalCounts(plans: readonly PlanOverview[]): StatusCounts {
  const total: StatusCounts = { passed: 0, failed: 0, blocked: 0, awaiting: 0, inProgress: 0, other: 0, total: 0 };
  for (const p of plans) for (const key of Object.keys(total) as (keyof StatusCounts)[]) total[key] += p.counts[key];
  return total;
}

/**
 * The top of the status page: test results across the latest apply of every plan, then every
 * failed or blocked run of those applies, so a failure is on the first screen however large the
 * plans listed below are. Counts carry `data-total` and the failures table `#failures` for live updates.
 */
export function renderOverview(
  plans: readonly PlanOverview[],
  attention: Attention,
  runLink: (projectId: number, runId: number | null) => string | null,
): SafeHtml {
  const totals = totalCounts(plans);
  const counts = COUNT_LABELS.map(
    ([key, text]) => html`<li class="s-${key}">${text} <b data-total="${key}">${totals[key]}</b></li>`,
  );
  const failed = html`<a href="/api/v1/runs?status=Failed">failed</a>`;
  const blocked = html`<a href="/api/v1/runs?status=Blocked">blocked</a>`;
  const shown = `${attention.runs.length} of ${attention.total}`;
  const more =
    attention.total > attention.runs.length
      ? html`<p class="more">Showing ${shown}; all as JSON: ${failed}, ${blocked}.</p>`
      : "";
  const none = attention.runs.length === 0;
  const planCount = `${plans.length} ${plans.length === 1 ? "plan" : "plans"}`;
  return html`<section class="overview">
    <h2>Latest apply of each plan</h2>
    <p class="sub">Test results of <span data-total="total">${totals.total}</span> runs in ${planCount}.</p>
    <ul class="counts big">${counts}</ul>
  </section>
  <section class="plan failures" id="failures">
    <h2>Failed and blocked runs</h2>
    ${none ? html`<p class="empty">No failed or blocked runs in the latest apply of any plan.</p>` : ""}
    ${renderRunsTable(attention.runs, runLink, { withPlan: true, hidden: none })}${more}
  </section>`;
}
