import type { SeedProblem } from "../errors.js";

/** Checks one value at `path`, pushing every problem found. */
export type Check = (value: unknown, path: string, problems: SeedProblem[]) => void;

const typeName = (v: unknown) =>
  v === null
    ? "null"
    : Array.isArray(v)
      ? "a list"
      : typeof v === "object"
        ? "a mapping"
        : `${typeof v} ${JSON.stringify(v)}`;

/** A whole number, optionally at least `min`. */
export const integer =
  (min = Number.MIN_SAFE_INTEGER): Check =>
  (v, path, problems) => {
    if (typeof v !== "number" || !Number.isInteger(v))
      problems.push({ path, message: `expected a whole number, found ${typeName(v)}` });
    else if (v < min) problems.push({ path, message: `expected a number >= ${min}, found ${v}` });
  };

/** Any finite number greater than `above`. */
export const numberAbove =
  (above: number): Check =>
  (v, path, problems) => {
    if (typeof v !== "number" || !Number.isFinite(v) || v <= above)
      problems.push({ path, message: `expected a number > ${above}, found ${typeName(v)}` });
  };

/** A non-empty string. */
export const text: Check = (v, path, problems) => {
  if (typeof v !== "string" || v.trim() === "")
    problems.push({ path, message: `expected a non-empty string, found ${typeName(v)}` });
};

/** true or false. */
export const bool: Check = (v, path, problems) => {
  if (typeof v !== "boolean") problems.push({ path, message: `expected true or false, found ${typeName(v)}` });
};

/** One of the listed strings. */
export const oneOf =
  (...allowed: string[]): Check =>
  (v, path, problems) => {
    if (typeof v !== "string" || !allowed.includes(v))
      problems.push({ path, message: `expected one of ${allowed.join(", ")}, found ${typeName(v)}` });
  };

/** A list whose every element passes `item`. */
export const listOf =
  (item: Check): Check =>
  (v, path, problems) => {
    if (!Array.isArray(v)) problems.push({ path, message: `expected a list, found ${typeName(v)}` });
    else v.forEach((el, i) => item(el, `${path}/${i}`, problems));
  };

/** Either of two checks (the problems of the second are reported when both fail). */
export const either =
  (a: Check, b: Check): Check =>
  (v, path, problems) => {
    const first: SeedProblem[] = [];
    a(v, path, first);
    if (first.length > 0) b(v, path, problems);
  };

/** A mapping with arbitrary keys whose values pass `value`. */
export const mapOf =
  (value: Check): Check =>
  (v, path, problems) => {
    if (typeof v !== "object" || v === null || Array.isArray(v))
      problems.push({ path, message: `expected a mapping, found ${typeName(v)}` });
    else for (const [k, el] of Object.entries(v)) value(el, `${path}/${k}`, problems);
  };

/** A mapping with known keys; keys ending in `?` are optional, unknown keys are errors. */
export const shape =
  (props: Record<string, Check>): Check =>
  (v, path, problems) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) {
      problems.push({ path, message: `expected a mapping, found ${typeName(v)}` });
      return;
    }
    const record = v as Record<string, unknown>;
    const known = new Map(
      Object.entries(props).map(([k, check]) => [k.replace(/\?$/, ""), { check, optional: k.endsWith("?") }]),
    );
    for (const [key, { check, optional }] of known) {
      if (record[key] === undefined) {
        if (!optional) problems.push({ path, message: `missing required key '${key}'` });
      } else check(record[key], `${path}/${key}`, problems);
    }
    for (const key of Object.keys(record)) {
      if (!known.has(key))
        problems.push({
          path: `${path}/${key}`,
          message: `unknown key '${key}' (allowed here: ${[...known.keys()].join(", ")})`,
        });
    }
  };
