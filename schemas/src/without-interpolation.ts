import type { JsonSchemaObject } from "./schemas.js";

/** The `$ref` of the `${VAR}` alternative in `plan.schema.json`. */
const INTERPOLATED = "#/$defs/Interpolated";

type Node = Record<string, unknown>;

const isInterpolated = (branch: unknown): boolean =>
  typeof branch === "object" && branch !== null && (branch as Node)["$ref"] === INTERPOLATED;

function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (typeof node !== "object" || node === null) return node;
  const out: Node = {};
  for (const [key, value] of Object.entries(node as Node)) out[key] = strip(value);
  const anyOf = out["anyOf"];
  if (!Array.isArray(anyOf) || !anyOf.some(isInterpolated)) return out;
  const rest = anyOf.filter((branch) => !isInterpolated(branch));
  if (rest.length !== 1) return { ...out, anyOf: rest };
  // One alternative left: put it back in place, as the schema read before `${VAR}` was allowed.
  const { anyOf: _dropped, ...annotations } = out;
  return { ...(rest[0] as Node), ...annotations };
}

/**
 * The plan schema as it applies once `${VAR}` is interpolated: `plan.schema.json` accepts a
 * `${VAR}` string wherever qac interpolates (so editors flag nothing the planner would accept);
 * the planner validates the values they became, against this form without those alternatives.
 */
export function withoutInterpolation(schema: JsonSchemaObject): JsonSchemaObject {
  const stripped = strip(schema) as JsonSchemaObject & { $defs?: Node };
  if (stripped.$defs) delete stripped.$defs["Interpolated"];
  return stripped;
}
