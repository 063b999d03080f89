import { FilterError } from "../errors.js";
import type { Condition, Literal } from "./parse-filter.js";

const shown = (literal: Literal): string =>
  literal.kind === "string"
    ? `'${literal.value.replace(/'/g, "''")}'`
    : literal.kind === "field"
      ? literal.name
      : String(literal.value);

/**
 * Refuses a condition QAComplete does not document, as a strict server does (reference §13):
 * `in {..}` / `not in {..}` take "an array of numeric constants" (filters.html), so a string or
 * boolean list is refused, and the message spells out the documented equivalent (parenthesised
 * `OR` of `=`, or `AND` of `!=`). Every other form the reference documents passes.
 * @throws FilterError `SIM_FILTER_UNDOCUMENTED` at the first value that is not a number
 */
export function refuseUndocumented(cond: Condition): void {
  if (cond.type !== "in") return;
  const odd = cond.values.find((v) => v.kind !== "number");
  if (!odd) return;
  const [op, join] = cond.negated ? ["!=", " AND "] : ["=", " OR "];
  const rewrite = cond.values.map((v) => `(${cond.field} ${op} ${shown(v)})`).join(join);
  throw new FilterError(
    "SIM_FILTER_UNDOCUMENTED",
    `'${cond.negated ? "not in" : "in"} {...}' takes numeric constants only, found ${odd.kind} ${shown(odd)}; ` +
      `write ${rewrite} instead`,
    odd.pos,
  );
}
