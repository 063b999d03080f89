import { randomBytes } from "node:crypto";
import type { FastifyReply } from "fastify";

/**
 * Sends one of our HTML pages with a per-answer CSP nonce: only our inline style and script run,
 * the script may reach this server (events, plans), images only from here (the favicon).
 */
export function sendHtml(reply: FastifyReply, render: (nonce: string) => string): FastifyReply {
  const nonce = randomBytes(16).toString("base64");
  reply
    .type("text/html; charset=utf-8")
    .header(
      "content-security-policy",
      `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; img-src ` +
        `'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
  return reply.send(render(nonce));
}
