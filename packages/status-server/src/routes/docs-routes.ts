/* eslint-disable @typescript-eslint/require-await -- fastify plugins, hooks and handlers are async by contract */
import type { FastifyPluginAsync } from "fastify";
import { sendHtml } from "../http/send-html.js";
import { html } from "../page/html.js";
import { renderInlineCode } from "../page/render-inline-code.js";
import { renderShell } from "../page/render-page.js";
import type { ServerContext } from "../server-context.js";

interface Operation {
  summary?: string;
  description?: string;
  /** Absent: the document's default (the bearer token). */
  security?: Record<string, unknown>[];
}

/** Who may call an operation, in words, from its security requirements. */
function accessOf(op: Operation): string {
  if (op.security === undefined) return "write token";
  if (op.security.length === 0) return "open";
  return op.security.some((s) => "basic" in s) ? "any token (Bearer, or Basic in a browser)" : "write token";
}

/**
 * `/docs` (the operations as a plain page) and `/docs/openapi.json` (the OpenAPI 3.1 document).
 * The page header shows the poller's real state, as on the status page.
 */
export const docsRoutes =
  (ctx: ServerContext): FastifyPluginAsync =>
  async (app) => {
    app.get("/docs/openapi.json", { schema: { hide: true } }, async () => app.swagger());
    app.get("/docs", { schema: { hide: true } }, async (_request, reply) => {
      const doc = app.swagger() as { paths?: Record<string, Record<string, Operation>> };
      const rows = Object.entries(doc.paths ?? {}).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => {
          const description = op.description
            ? html`<br><span class="sub">${renderInlineCode(op.description)}</span>`
            : "";
          const what = html`<td>${renderInlineCode(op.summary ?? "")}${description}</td>`;
          const route = html`<td><code>${method.toUpperCase()}</code></td><td><code>${path}</code></td>`;
          return html`<tr>${route}${what}<td>${accessOf(op)}</td></tr>`;
        }),
      );
      const openapi = html`<a href="/docs/openapi.json">OpenAPI 3.1 document</a>`;
      const errors = html`<code>{ "error": { "code", "message" } }</code>`;
      const schemas = html`@qac/schemas, <code>schemas/status-api/</code>`;
      const head = html`<thead><tr><th>Method</th><th>Path</th><th>What</th><th>Access</th></tr></thead>`;
      const body = html`<section class="plan"><h2>HTTP API</h2>
      <p class="sub">Request and response schemas: ${openapi} (schemas from ${schemas}). Errors are ${errors}.</p>
      <table>${head}<tbody>${rows}</tbody></table></section>`;
      return sendHtml(reply, (nonce) =>
        renderShell("qac status · API", body, { nonce, poller: ctx.poller?.state() ?? null, generatedAt: ctx.now() }),
      );
    });
  };
