import type { FastifyReply, FastifyRequest } from "fastify";
import { StatusServerError } from "../errors.js";
import { safeEqual } from "./safe-equal.js";

/** Tokens of the server; see `StatusServerOptions`. */
export interface AuthTokens {
  token: string;
  adminToken: string | undefined;
  readToken: string | undefined;
  protectReads: boolean;
}

/** The credential of a request: `Authorization: Bearer <token>`, or Basic with the token as password (browsers). */
function credentialOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== "string") return null;
  const [scheme, value] = header.split(" ", 2);
  if (!scheme || !value) return null;
  if (scheme.toLowerCase() === "bearer") return value.trim();
  if (scheme.toLowerCase() === "basic") {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon < 0 ? null : decoded.slice(colon + 1);
  }
  return null;
}

/** preHandler hooks for the three access levels; each throws STATUS_UNAUTHORIZED / STATUS_FORBIDDEN. */
export interface Auth {
  /** Write token (or admin token). */
  write(this: void, request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** Admin token only. */
  admin(this: void, request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** Open, or any token when reads are protected. */
  read(this: void, request: FastifyRequest, reply: FastifyReply): Promise<void>;
}

/** Creates the {@link Auth} hooks for the configured tokens. */
export function createAuth(tokens: AuthTokens): Auth {
  const matches = (request: FastifyRequest, ...allowed: (string | undefined)[]): boolean => {
    const presented = credentialOf(request);
    if (presented === null) return false;
    // Check every candidate so the time taken does not tell which one matched.
    return allowed.reduce((ok, expected) => (expected !== undefined && safeEqual(presented, expected)) || ok, false);
  };
  const unauthorized = (reply: FastifyReply, what: string): StatusServerError => {
    reply.header("www-authenticate", 'Bearer realm="qac status"');
    return new StatusServerError(
      "STATUS_UNAUTHORIZED",
      `${what} needs \`Authorization: Bearer <token>\` with the server's QAC_STATUS_TOKEN.`,
    );
  };
  return {
    write: async (request, reply) => {
      // The ledger is read with the write token too; do not call that read a write.
      if (!matches(request, tokens.token, tokens.adminToken))
        throw unauthorized(reply, request.method === "GET" ? "This request" : "This write");
    },
    admin: async (request, reply) => {
      if (tokens.adminToken === undefined)
        throw new StatusServerError(
          "STATUS_FORBIDDEN",
          "Breaking a lease needs the admin token, and this server has none: start it with QAC_STATUS_ADMIN_TOKEN set.",
        );
      if (!matches(request, tokens.adminToken)) {
        if (matches(request, tokens.token))
          throw new StatusServerError(
            "STATUS_FORBIDDEN",
            "Breaking a lease needs the admin token (QAC_STATUS_ADMIN_TOKEN), not the write token.",
          );
        throw unauthorized(reply, "Breaking a lease");
      }
    },
    read: async (request, reply) => {
      if (!tokens.protectReads) return;
      if (matches(request, tokens.readToken, tokens.token, tokens.adminToken)) return;
      // Basic lets a browser ask for the token once and send it with the page, its script and /events.
      reply.header("www-authenticate", 'Basic realm="qac status", charset="UTF-8"');
      throw new StatusServerError(
        "STATUS_UNAUTHORIZED",
        "Reading needs a token on this server: `Authorization: Bearer <token>` (or, in a browser, any user name and " +
          "the token as password).",
      );
    },
  };
}
