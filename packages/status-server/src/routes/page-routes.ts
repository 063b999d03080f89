/* eslint-disable @typescript-eslint/require-await -- fastify plugins, hooks and handlers are async by contract */
import type { FastifyPluginAsync } from "fastify";
import { StatusServerError } from "../errors.js";
import { sendHtml } from "../http/send-html.js";
import { formatTime, html } from "../page/html.js";
import { describeApplyRuns } from "../page/describe-apply.js";
import type { Attention } from "../page/render-overview.js";
import { renderPage, renderShell } from "../page/render-page.js";
import { renderRunsTable } from "../page/render-runs-table.js";
import type { ServerContext } from "../server-context.js";

const RUNS_PER_PLAN = 200;
/** Failed and blocked runs listed at the top of the page (each status up to this many). */
const ATTENTION_RUNS = 50;

/** Failed, then blocked runs of every plan's latest apply, and how many there are in all. */
function attentionOf(ctx: ServerContext): Attention {
  const of = (status: string) => ctx.store.applies.runs({ status, limit: ATTENTION_RUNS, offset: 0 });
  const failed = of("Failed");
  const blocked = of("Blocked");
  return { runs: [...failed.runs, ...blocked.runs], total: failed.total + blocked.total };
}

/** "2 created, 0 satisfied, 0 create errors" of a stored report (read loosely: it is stored as sent). */
function applyLine(apply: Record<string, unknown>): string {
  const summary = apply["summary"];
  const status = typeof apply["status"] === "string" ? apply["status"] : "";
  return typeof summary === "object" && summary !== null
    ? describeApplyRuns(summary as Record<string, number>, status)
    : status;
}

/** The web page (`/`) and one apply's page (`/applies/:id`), server-rendered, readable without JavaScript. */
export function pageRoutes(ctx: ServerContext): FastifyPluginAsync {
  return async (app) => {
    app.get("/", { onRequest: ctx.auth.read, schema: { hide: true } }, async (_request, reply) => {
      const plans = ctx.plans().map((overview) => {
        const { runs, total } = ctx.store.applies.runs({
          applyId: overview.latestApply.id,
          limit: RUNS_PER_PLAN,
          offset: 0,
        });
        return { overview, runs, totalRuns: total };
      });
      const recent = ctx.store.applies.list({ limit: 10, offset: 0 }).applies;
      return sendHtml(reply, (nonce) =>
        renderPage({
          plans,
          attention: attentionOf(ctx),
          recent,
          poller: ctx.poller?.state() ?? null,
          generatedAt: ctx.now(),
          nonce,
          runLink: ctx.runLink,
        }),
      );
    });
    // A tiny icon so browsers do not ask for a missing /favicon.ico on every page.
    app.get("/favicon.svg", { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type("image/svg+xml")
        .header("cache-control", "max-age=86400")
        .send(
          '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" ' +
            'fill="#1a7f37"/></svg>',
        ),
    );
    app.get<{ Params: { id: number } }>(
      "/applies/:id",
      {
        onRequest: ctx.auth.read,
        schema: { hide: true, params: { type: "object", properties: { id: { type: "integer", minimum: 1 } } } },
      },
      async (request, reply) => {
        const apply = ctx.store.applies.get(request.params.id);
        if (!apply) throw new StatusServerError("STATUS_NOT_FOUND", `No apply with id ${request.params.id}.`);
        const { runs } = ctx.store.applies.runs({ applyId: request.params.id, limit: 1000, offset: 0 });
        const plan = (apply["plan"] as { name?: string } | undefined)?.name ?? "";
        const started = formatTime(typeof apply["startedAt"] === "string" ? apply["startedAt"] : null);
        const received = formatTime(apply.receivedAt);
        const links = html`<a href="/api/v1/applies/${apply.id}">report as JSON</a> · <a href="/">all plans</a>`;
        const body = html`<section class="plan" data-plan="${plan}"><h2>${plan} · apply #${apply.id}</h2>
          <p class="sub">${applyLine(apply)} · started ${started} · received ${received} · ${links}</p>
          ${renderRunsTable(runs, ctx.runLink)}</section>`;
        return sendHtml(reply, (nonce) =>
          renderShell(`qac status · ${plan} #${apply.id}`, body, {
            nonce,
            poller: ctx.poller?.state() ?? null,
            generatedAt: ctx.now(),
          }),
        );
      },
    );
  };
}
