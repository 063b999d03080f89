/* eslint-disable @typescript-eslint/require-await -- fastify plugins, hooks and handlers are async by contract */
import type { FastifyPluginAsync } from "fastify";
import { sendHtml } from "../http/send-html.js";
import { html } from "../page/html.js";
import { renderShell } from "../page/render-page.js";
import type { ServerContext } from "../server-context.js";

interface Operation {
  summary?: string;
  description?: string;
  security?: unknown[];
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
        Object.entries(ops).map(
          ([method, op]) =>
            html`<tr><td><code>${method.toUpperCase()}</code></td><td><code>${path}</code></td><td>${op.summary ?? ""}${op.description ? html`<br><span class="sub">${op.description}</span>` : ""}</td><td>${op.security?.length ? "bearer token" : path === "/healthz" ? "open" : "open (or read token)"}</td></tr>`,
        ),
      );
      const body = html`<section class="plan"><h2>HTTP API</h2>
      <p class="sub">Request and response schemas: <a href="/docs/openapi.json">OpenAPI 3.1 document</a> (schemas from @qac/schemas, <code>schemas/status-api/</code>). Errors are <code>{ "error": { "code", "message" } }</code>.</p>
      <table><thead><tr><th>Method</th><th>Path</th><th>What</th><th>Access</th></tr></thead><tbody>${rows}</tbody></table></section>`;
      return sendHtml(reply, (nonce) =>
        renderShell("qac status · API", body, { nonce, poller: ctx.poller?.state() ?? null, generatedAt: ctx.now() }),
      );
    });
  };
