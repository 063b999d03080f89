import type { SwaggerOptions } from "@fastify/swagger";

/** An OpenAPI security requirement list: any one entry suffices; an empty list means open. */
export type SecurityRequirements = { [scheme: string]: string[] }[];

/** Security requirement of operations that need the write (or admin) token. */
export const BEARER: SecurityRequirements = [{ bearer: [] }];

/**
 * Security requirement of reads: none on an open server (an empty list lifts the document's
 * default), any token when reads are protected (Bearer, or Basic with the token as password).
 */
export const readSecurity = (protectReads: boolean): SecurityRequirements =>
  protectReads ? [{ bearer: [] }, { basic: [] }] : [];

/** Drops component schemas nothing refers to (query schemas are inlined as parameters). */
function dropUnused(doc: Record<string, unknown>): Record<string, unknown> {
  const components = doc["components"] as { schemas?: Record<string, unknown> } | undefined;
  if (!components?.schemas) return doc;
  const schemas = components.schemas;
  const text = (value: unknown) => JSON.stringify(value);
  const used = new Set<string>();
  const visit = (name: string) => {
    if (used.has(name) || !(name in schemas)) return;
    used.add(name);
    for (const m of text(schemas[name]).matchAll(/#\/components\/schemas\/([^"]+)"/g)) visit(m[1]!);
  };
  const { components: _components, ...rest } = doc;
  for (const m of text(rest).matchAll(/#\/components\/schemas\/([^"]+)"/g)) visit(m[1]!);
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...doc, components: { ...components, schemas: kept } };
}

/**
 * The OpenAPI 3.1 document's settings: one server (the one serving the document), the bearer
 * scheme (and basic when reads are protected), writes protected by default (each read route says
 * whether it is open), and component names from schema titles. Clients can be generated from it.
 */
export function openapiOptions(protectReads: boolean): SwaggerOptions {
  const basic = {
    type: "http",
    scheme: "basic",
    description: "For browsers, on a server with protected reads: any user name, a token as password.",
  } as const;
  return {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "qac status server",
        version: "1.0.0",
        description: "Apply history, live run status, the --once-per ledger and leases of qac.",
        license: { name: "MIT", identifier: "MIT" },
      },
      servers: [{ url: "/", description: "The server that serves this document (qac serve: http://127.0.0.1:8790)" }],
      security: BEARER,
      components: {
        securitySchemes: {
          bearer: {
            type: "http",
            scheme: "bearer",
            description: "QAC_STATUS_TOKEN (writes, leases); QAC_STATUS_ADMIN_TOKEN breaks leases.",
          },
          ...(protectReads ? { basic } : {}),
        },
      },
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json["title"] === "string" ? json["title"] : `def-${i}`,
    },
    transformObject: (document) =>
      "openapiObject" in document ? dropUnused(document.openapiObject) : document.swaggerObject,
  };
}
