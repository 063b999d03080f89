import type { PollerState } from "../poller/create-poller.js";
import type { ApplySummary, PlanOverview, RunView } from "../store/status-store.js";
import { formatTime, html, safeHref, SafeHtml } from "./html.js";
import { PAGE_SCRIPT } from "./page-script.js";
import { PAGE_CSS } from "./page-style.js";
import { describeApplyResult, describeApplyRuns } from "./describe-apply.js";
import { COUNT_LABELS, renderOverview, type Attention } from "./render-overview.js";
import { renderRunsTable } from "./render-runs-table.js";

/** Plans with more runs than this show their run table folded (a click opens it). */
const FOLD_OVER = 20;

/** Everything the status page shows. */
export interface PageData {
  plans: readonly { overview: PlanOverview; runs: readonly RunView[]; totalRuns: number }[];
  /** Failed and blocked runs of the plans' latest applies, shown first. */
  attention: Attention;
  recent: readonly ApplySummary[];
  poller: PollerState | null;
  generatedAt: Date;
  /** CSP nonce of the inline style and script. */
  nonce: string;
  runLink: (projectId: number, runId: number | null) => string | null;
}

function ciLine(apply: Pick<ApplySummary, "ci" | "user">): SafeHtml {
  const ci = apply.ci;
  const commit = ci?.commit ? html` · commit <code>${ci.commit.slice(0, 12)}</code>` : "";
  const href = safeHref(ci?.url);
  const job = ci?.job
    ? href
      ? html` · job <a href="${href}" rel="noopener noreferrer">${ci.job}</a>`
      : html` · job ${ci.job}`
    : "";
  const who = apply.user ?? ci?.actor;
  const provider = ci?.provider ? html` · ${ci.provider === "github" ? "GitHub Actions" : "GitLab CI"}` : "";
  return html`${provider}${commit}${job}${who ? html` · by ${who}` : ""}`;
}

function renderPlan({ overview, runs, totalRuns }: PageData["plans"][number], runLink: PageData["runLink"]): SafeHtml {
  const a = overview.latestApply;
  const counts = COUNT_LABELS.map(
    ([key, text]) => html`<li class="s-${key}">${text} <b data-count="${key}">${overview.counts[key]}</b></li>`,
  );
  const allRuns = html`<a href="/api/v1/runs?plan=${encodeURIComponent(overview.plan)}">all runs as JSON</a>`;
  const more =
    totalRuns > runs.length ? html`<p class="more">Showing ${runs.length} of ${totalRuns} runs; ${allRuns}.</p>` : "";
  const table = html`${renderRunsTable(runs, runLink)}${more}`;
  const project = overview.project.name ?? overview.project.id;
  const apply = html`<a href="/applies/${a.id}">apply #${a.id}</a>`;
  const applyRuns = describeApplyRuns(a.summary, a.status);
  return html`<section class="plan" data-plan="${overview.plan}">
    <h2>${overview.plan}</h2>
    <p class="sub">Project ${project} · ${apply}: ${applyRuns} · started ${formatTime(a.startedAt)}${ciLine(a)}</p>
    <ul class="counts">${counts}</ul>
    ${totalRuns > FOLD_OVER ? html`<details><summary>${totalRuns} runs</summary>${table}</details>` : table}
  </section>`;
}

/**
 * Wraps content in the page shell (style and live-update script carry the CSP nonce). Our own
 * stylesheet and script go in unescaped: `<style>` and `<script>` are raw text, where `&quot;`
 * would stay literal and break `"Segoe UI"` and every declaration after it.
 */
export function renderShell(
  title: string,
  body: SafeHtml,
  data: Pick<PageData, "nonce" | "poller" | "generatedAt">,
): string {
  const lag = data.poller
    ? html`status refreshed ${Math.round(data.poller.lagSeconds)} s ago`
    : html`live status off (no QAComplete connection)`;
  const icon = html`<link rel="icon" href="/favicon.svg" type="image/svg+xml">`;
  const style = html`<style nonce="${data.nonce}">${new SafeHtml(PAGE_CSS)}</style>`;
  const meta = html`<span class="meta">${lag} · page built ${formatTime(data.generatedAt.toISOString())}</span>`;
  const pages = html`<a href="/">plans</a> · <a href="/api/v1/plans">JSON</a>`;
  const tools = html`<a href="/docs">API docs</a> · <a href="/metrics">metrics</a>`;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>${icon}${style}</head>
<body><header><h1>${title}</h1><span id="live">static</span>${meta}</header>
<main>${body}</main>
<footer>qac status server · ${pages} · ${tools}</footer>
<script nonce="${data.nonce}">${new SafeHtml(PAGE_SCRIPT)}</script></body></html>`.value;
}

/**
 * The status page: test results across plans and the failed or blocked runs first, then every
 * plan's latest apply with counts and runs (large run tables folded), then the recent applies.
 */
export function renderPage(data: PageData): string {
  const plans =
    data.plans.length === 0
      ? html`<p class="empty">No applies recorded yet. Send one with <code>qac apply --report-to URL</code>.</p>`
      : html`${renderOverview(
          data.plans.map((p) => p.overview),
          data.attention,
          data.runLink,
        )}${data.plans.map((p) => renderPlan(p, data.runLink))}`;
  // An apply creates runs; its result says whether every desired run got one, never "failed".
  const recent = data.recent.map((a) => {
    const id = html`<td class="num"><a href="/applies/${a.id}">#${a.id}</a></td>`;
    const result = html`<td>${describeApplyResult(a.status)}</td><td>${formatTime(a.startedAt)}</td>`;
    return html`<tr>${id}<td>${a.plan.name}</td>${result}<td>${describeApplyRuns(a.summary, a.status)}</td></tr>`;
  });
  const head = ["Apply", "Plan", "Apply result", "Started", "Runs of the apply"].map((h) => html`<th>${h}</th>`);
  const table = html`<table><thead><tr>${head}</tr></thead><tbody>${recent}</tbody></table>`;
  const recentTable =
    data.recent.length === 0 ? "" : html`<section class="plan"><h2>Recent applies</h2>${table}</section>`;
  return renderShell("qac status", html`${plans}${recentTable}`, data);
}
