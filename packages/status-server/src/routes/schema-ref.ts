import type { StatusApiSchemaName } from "@qac/schemas";

/** `{ $ref }` to a status API schema by its short name. */
export const ref = (name: StatusApiSchemaName) => ({ $ref: `https://qac.dev/schemas/status-api/${name}.schema.json` });

/** Error answers shared by every JSON route, documented in OpenAPI. */
export const errorResponses = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ref("error")]));

/** A non-JSON answer (event stream, metrics text, SVG), documented with its media type. */
export const textResponse = (mediaType: string, description: string) => ({
  description,
  content: { [mediaType]: { schema: { type: "string" } } },
});

/** A query string that takes no parameters: unknown ones are a 400, like everywhere else. */
export const noQuery = { type: "object", additionalProperties: false, properties: {} } as const;
