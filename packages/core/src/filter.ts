import type { Tagged } from "type-fest";
import { QacError } from "./errors.js";

/** A filter expression built by {@link filter}: every condition is parenthesised. */
export type Filter = Tagged<string, "QacFilter">;
/** A literal on the right side of a condition. Date literal syntax is UNCONFIRMED (§2.4), so no Date. */
export type FilterValue = string | number | boolean;

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

const bad = (message: string): QacError => new QacError("CORE_INVALID_ARGUMENT", `filter: ${message}`);

function field(name: string): string {
  if (typeof name !== "string" || !FIELD.test(name))
    throw bad(`field name ${JSON.stringify(name)} is not a plain identifier such as "TestSetId".`);
  return name;
}

/** Formats a literal: strings single-quoted with `'` doubled, finite numbers, true/false. */
export function filterLiteral(value: FilterValue): string {
  if (typeof value === "string") return `'${value.replaceAll("'", "''")}'`;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw bad(`${String(value)} is not a finite number.`);
    return String(value);
  }
  if (typeof value === "boolean") return String(value);
  throw bad(`unsupported value of type ${typeof value}; expected a string, number or boolean.`);
}

const make = (text: string): Filter => text as Filter;

/** True when the whole text is one balanced `( ... )` group (quotes taken into account). */
function isGrouped(text: string): boolean {
  if (!text.startsWith("(") || !text.endsWith(")")) return false;
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === "'")
      quoted = !quoted; // a doubled '' toggles twice: still correct
    else if (!quoted && c === "(") depth += 1;
    else if (!quoted && c === ")") {
      depth -= 1;
      if (depth === 0 && i < text.length - 1) return false;
    }
  }
  return depth === 0;
}

const group = (f: Filter): string => (isGrouped(f) ? f : `(${f})`);

function list(name: string, values: readonly number[], negate: boolean): Filter {
  const call = `${negate ? "notIn" : "in"}("${name}"`;
  if (!Array.isArray(values) || values.length === 0)
    throw bad(`${call}, []) has no values; an empty list matches nothing, so skip the call instead.`);
  // QAComplete documents `in {..}` for numeric constants only (reference §13); strings go through anyOf.
  if (values.some((v) => typeof v !== "number"))
    throw bad(`${call}, ...) takes numbers only (QAComplete documents no other form); use filter.anyOf for strings.`);
  return make(`(${field(name)} ${negate ? "not in" : "in"} {${values.map(filterLiteral).join(",")}})`);
}

function join(op: "AND" | "OR", filters: readonly Filter[]): Filter {
  if (filters.length === 0) throw bad(`${op.toLowerCase()}() needs at least one condition.`);
  if (filters.length === 1) return filters[0]!;
  return make(filters.map(group).join(` ${op} `));
}

const compare =
  (op: string) =>
  (name: string, value: FilterValue): Filter =>
    make(`(${field(name)} ${op} ${filterLiteral(value)})`);

/**
 * Builds QAComplete filter expressions (reference §2.4, §13) in documented forms only. Strings are
 * quoted (`'` doubled), numeric lists become `in {...}`, other lists `anyOf` (OR of `=`), and every
 * operand is parenthesised because AND/OR precedence is undocumented.
 * @example filter.and(filter.eq("TestSetId", 5), filter.in("Id", [1, 2])) // "(TestSetId = 5) AND (Id in {1,2})"
 */
export const filter = {
  eq: compare("="),
  ne: compare("!="),
  gt: compare(">"),
  lt: compare("<"),
  ge: compare(">="),
  le: compare("<="),
  /** `Field ~ 'text'`: contains. */
  contains: (name: string, text: string): Filter => {
    if (typeof text !== "string") throw bad(`contains("${name}", ...) needs a string.`);
    return compare("~")(name, text);
  },
  /** `Field in {1,2}`: numbers only, the one form QAComplete documents. */
  in: (name: string, values: readonly number[]): Filter => list(name, values, false),
  notIn: (name: string, values: readonly number[]): Filter => list(name, values, true),
  /** `(Field = 'a') OR (Field = 'b')`: any of several values of any type, in documented forms only. */
  anyOf: (name: string, values: readonly FilterValue[]): Filter => {
    if (!Array.isArray(values) || values.length === 0)
      throw bad(`anyOf("${name}", []) has no values; an empty list matches nothing, so skip the call instead.`);
    const terms = (values as readonly FilterValue[]).map((v) => compare("=")(name, v));
    return terms.length === 1 ? terms[0]! : make(`(${terms.join(" OR ")})`);
  },
  isEmpty: (name: string): Filter => make(`(${field(name)} is empty)`),
  isNotEmpty: (name: string): Filter => make(`(${field(name)} is not empty)`),
  and: (...filters: Filter[]): Filter => join("AND", filters),
  or: (...filters: Filter[]): Filter => join("OR", filters),
  not: (inner: Filter): Filter => make(`NOT ${group(inner)}`),
  /** Wraps hand-written text as a filter (parenthesised); the caller is responsible for quoting. */
  raw: (text: string): Filter => {
    if (typeof text !== "string" || text.trim() === "") throw bad("raw() needs a non-empty expression.");
    return make(group(text.trim() as Filter));
  },
} as const;
