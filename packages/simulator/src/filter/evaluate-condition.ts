import { FilterError } from "../errors.js";
import type { CompareOp, Condition, Literal } from "./parse-filter.js";
import type { FieldType } from "./resolve-field.js";

/** A row test produced from a filter. Rows are response objects (snake_case fields). */
export type Predicate = (row: Readonly<Record<string, unknown>>) => boolean;

type Resolver = (name: string, pos: number) => { field: string; type: FieldType };

const MIN_DATE = "0001-01-01T00:00:00.0000000";

/**
 * Turns a date literal into the wire format so dates compare as fixed-width strings. The reference
 * does not document a date literal format (§2.4, UNCONFIRMED); the simulator accepts anything
 * `Date.parse` reads, taken as UTC when no zone is given.
 */
function dateLiteral(literal: Literal): { text: string; dateOnly: boolean } {
  if (literal.kind !== "string")
    throw new FilterError(
      "SIM_FILTER_FIELD",
      "Compare a date with a quoted date, e.g. '2026-12-01' or '2026-12-01T09:30:00'",
      literal.pos,
    );
  const raw = literal.value.trim();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(raw);
  const ms = Date.parse(dateOnly || /[zZ]|[+-]\d{2}:?\d{2}$/.test(raw) ? raw : `${raw}Z`);
  if (Number.isNaN(ms)) throw new FilterError("SIM_FILTER_FIELD", `'${literal.value}' is not a date`, literal.pos);
  return { text: new Date(ms).toISOString().slice(0, 23).padEnd(27, "0"), dateOnly };
}

function isEmpty(value: unknown, type: FieldType): boolean {
  if (value === null || value === undefined || value === "") return true;
  // "None" references are 0 (reference §2.1), so `FolderId is empty` matches folder_id 0.
  if (type === "number") return value === 0;
  if (type === "date") return value === MIN_DATE || (typeof value === "string" && value.startsWith("00001"));
  return false;
}

function compare(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compiles one condition; type mismatches are reported at compile time with their column. */
export function compileCondition(cond: Condition, resolve: Resolver): Predicate {
  const { field, type } = resolve(cond.field, cond.pos);
  if (cond.type === "empty")
    return cond.negated ? (row) => !isEmpty(row[field], type) : (row) => isEmpty(row[field], type);
  if (cond.type === "in") {
    const keys = new Set(cond.values.map((v) => normaliseLiteral(v, type, cond.field)));
    const inList: Predicate = (row) => keys.has(normaliseValue(row[field], type));
    return cond.negated ? (row) => !inList(row) : inList;
  }
  const { op, value } = cond;
  if (op === "~") {
    if (type !== "string" || value.kind !== "string")
      throw new FilterError(
        "SIM_FILTER_FIELD",
        `'~' (contains) needs a text field and a quoted string; '${cond.field}' is ${type}`,
        cond.pos,
      );
    const needle = value.value.toLowerCase();
    return (row) => {
      const text = row[field];
      return typeof text === "string" && text.toLowerCase().includes(needle);
    };
  }
  if (type === "boolean" && op !== "=" && op !== "!=")
    throw new FilterError(
      "SIM_FILTER_FIELD",
      `'${op}' does not apply to the true/false field '${cond.field}'`,
      cond.pos,
    );
  let right: (row: Readonly<Record<string, unknown>>) => number | string | boolean;
  let dateOnly = false;
  if (value.kind === "field") {
    const other = resolve(value.name, value.pos);
    if (other.type !== type)
      throw new FilterError(
        "SIM_FILTER_FIELD",
        `Cannot compare ${type} field '${cond.field}' with ${other.type} field '${value.name}'`,
        value.pos,
      );
    right = (row) => normaliseValue(row[other.field], type);
  } else if (type === "date") {
    const lit = dateLiteral(value);
    dateOnly = lit.dateOnly && (op === "=" || op === "!=");
    const text = dateOnly ? lit.text.slice(0, 10) : lit.text;
    right = () => text;
  } else {
    const constant = normaliseLiteral(value, type, cond.field);
    const fast = constantComparison(field, type, op, constant);
    if (fast) return fast;
    right = () => constant;
  }
  const left = (row: Readonly<Record<string, unknown>>) => {
    const v = normaliseValue(row[field], type);
    return dateOnly && typeof v === "string" ? v.slice(0, 10) : v;
  };
  switch (op) {
    case "=":
      return (row) => left(row) === right(row);
    case "!=":
      return (row) => left(row) !== right(row);
    default: {
      const test = {
        ">": (c: number) => c > 0,
        "<": (c: number) => c < 0,
        ">=": (c: number) => c >= 0,
        "<=": (c: number) => c <= 0,
      }[op];
      return (row) => test(compare(left(row) as number | string, right(row) as number | string));
    }
  }
}

/** Specialised closures for the common `field op constant` on numbers and text (scans of 100,000 rows). */
function constantComparison(
  field: string,
  type: FieldType,
  op: CompareOp,
  constant: number | string | boolean,
): Predicate | undefined {
  if (type === "number" && typeof constant === "number") {
    const num = (row: Readonly<Record<string, unknown>>) => {
      const v = row[field];
      return typeof v === "number" ? v : Number(v);
    };
    switch (op) {
      case "=":
        return (row) => num(row) === constant;
      case "!=":
        return (row) => num(row) !== constant;
      case ">":
        return (row) => num(row) > constant;
      case "<":
        return (row) => num(row) < constant;
      case ">=":
        return (row) => num(row) >= constant;
      case "<=":
        return (row) => num(row) <= constant;
      default:
        return undefined;
    }
  }
  if (type === "string" && typeof constant === "string" && (op === "=" || op === "!=")) {
    const eq = (row: Readonly<Record<string, unknown>>) => {
      const v = row[field];
      return (typeof v === "string" ? v.toLowerCase() : "") === constant;
    };
    return op === "=" ? eq : (row) => !eq(row);
  }
  return undefined;
}

/** Row values compare case-insensitively for text (assumed, reference §11.13). */
function normaliseValue(value: unknown, type: FieldType): number | string | boolean {
  if (type === "string") return typeof value === "string" ? value.toLowerCase() : "";
  if (type === "number") return typeof value === "number" ? value : Number(value);
  if (type === "boolean") return value === true;
  return typeof value === "string" ? value : "";
}

function normaliseLiteral(literal: Literal, type: FieldType, fieldName: string): number | string | boolean {
  const expected = type === "date" ? "string" : type;
  if (literal.kind === "field" || literal.kind !== expected) {
    const shown = literal.kind === "field" ? `field ${literal.name}` : literal.kind;
    const hint = { number: "a number", string: "a quoted string", boolean: "true or false", date: "a quoted date" }[
      type
    ];
    throw new FilterError(
      "SIM_FILTER_FIELD",
      `'${fieldName}' is a ${type} field: compare it with ${hint}, not a ${shown}`,
      literal.pos,
    );
  }
  if (type === "date") return dateLiteral(literal).text;
  return literal.kind === "string" ? literal.value.toLowerCase() : literal.value;
}
