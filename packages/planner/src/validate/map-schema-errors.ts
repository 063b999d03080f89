import type { ErrorObject } from "ajv/dist/2020.js";
import type { Diagnostic } from "../errors.js";
import type { DocPath, SourceFile } from "../load/source-file.js";
import { didYouMean } from "./did-you-mean.js";

/** Schema problems as diagnostics, and the document paths whose values are invalid. */
export interface MappedSchemaErrors {
  diagnostics: Diagnostic[];
  /** Paths to drop from the data so the checks that follow only see valid parts. */
  invalid: DocPath[];
}

/** `/entries/0/test` → `["entries", 0, "test"]`. */
function parsePointer(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

/** The proper ancestors of a JSON Pointer, nearest first, ending with the root `""`. */
function ancestors(pointer: string): string[] {
  const out: string[] = [];
  for (let p = pointer; p !== "";) {
    p = p.slice(0, p.lastIndexOf("/"));
    out.push(p);
  }
  return out;
}

/** A key as written, quoted and cut short for messages. */
function quoteKey(key: string): string {
  return JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key);
}

/** `entries[0].test` for messages. */
function label(path: DocPath): string {
  if (path.length === 0) return "the plan";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/** A short description of a value for "found ..." in messages. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return "a list";
  if (value instanceof Uint8Array) return "binary data (`!!binary`)";
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${value}`;
  return "a mapping";
}

const article = (type: string) =>
  ({ object: "a mapping", array: "a list", integer: "a whole number", boolean: "true or false" })[type] ?? `a ${type}`;

function firstSentence(text: unknown): string {
  return typeof text === "string" ? (text.split(/(?<=\.)\s/)[0] ?? text).replace(/\.$/, "") : "a different value";
}

/**
 * Turns ajv errors into diagnostics at the YAML node they concern. Alternatives (`anyOf`) are
 * reported once with the expected forms rather than once per failed branch.
 */
export function mapSchemaErrors(errors: readonly ErrorObject[], source: SourceFile): MappedSchemaErrors {
  // Sets and ancestor walks, not pairwise comparisons: a plan with 100,000 bad values stays linear.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === "anyOf").map((e) => e.instancePath));
  const outermost = new Set([...anyOfPaths].filter((p) => !ancestors(p).some((q) => anyOfPaths.has(q))));
  const covered = (p: string) => outermost.has(p) || ancestors(p).some((q) => outermost.has(q));
  const diagnostics: Diagnostic[] = [];
  const invalid: DocPath[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === "propertyNames") continue; // its inner error (with propertyName) says more
    if (covered(error.instancePath) && !(error.keyword === "anyOf" && outermost.has(error.instancePath))) continue;
    const path = parsePointer(error.instancePath);
    const one = toDiagnostic(error, path, source);
    const id = `${one.diagnostic.line}:${one.diagnostic.column}:${one.diagnostic.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    diagnostics.push(one.diagnostic);
    if (one.invalid) invalid.push(one.invalid);
  }
  return { diagnostics, invalid };
}

function toDiagnostic(
  error: ErrorObject,
  path: DocPath,
  source: SourceFile,
): { diagnostic: Diagnostic; invalid?: DocPath } {
  const where = label(path);
  const parent = (error.parentSchema ?? {}) as { properties?: Record<string, unknown>; description?: unknown };
  const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined) {
    const keyPath = [...path, propertyName];
    const msg =
      `name ${quoteKey(propertyName)} in ${where} is not valid: expected ` +
      `${lowerFirst(firstSentence(parent.description))}`;
    return { diagnostic: source.diagnostic("PLAN_SCHEMA", msg, { path: keyPath, part: "key" }), invalid: keyPath };
  }
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys(parent.properties ?? {});
      const suggestion = key.length > 100 ? "" : didYouMean(key, allowed);
      const list = allowed.length ? ` (allowed: ${allowed.join(", ")})` : "";
      const msg = `unknown key ${quoteKey(key)} in ${where}${suggestion}${list}`;
      return {
        diagnostic: source.diagnostic("PLAN_UNKNOWN_KEY", msg, { path: [...path, key], part: "key" }),
        invalid: [...path, key],
      };
    }
    case "required": {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const msg = `${where} is missing the required key ${JSON.stringify(missing)}`;
      return { diagnostic: source.diagnostic("PLAN_SCHEMA", msg, { path }) };
    }
    case "type": {
      const type = String((error.params as { type: string }).type);
      const msg = `${where} must be ${article(type)}, found ${describe(error.data)}`;
      return { diagnostic: source.diagnostic("PLAN_SCHEMA", msg, { path }), invalid: path };
    }
    case "const": {
      const allowed = (error.params as { allowedValue: unknown }).allowedValue;
      const msg =
        `${where} must be ${JSON.stringify(allowed)}, found ` +
        `${describe(error.data)}${path[0] === "version" ? " (this is plan format version 1)" : ""}`;
      return { diagnostic: source.diagnostic("PLAN_SCHEMA", msg, { path }), invalid: path };
    }
    case "anyOf": {
      const msg = `${where} must be ${lowerFirst(firstSentence(parent.description))}; found ${describe(error.data)}`;
      return { diagnostic: source.diagnostic("PLAN_SCHEMA", msg, { path }), invalid: path };
    }
    case "pattern": {
      const msg =
        `${where} ${describe(error.data)} is not valid: expected ` + `${lowerFirst(firstSentence(parent.description))}`;
      return { diagnostic: source.diagnostic("PLAN_SCHEMA", msg, { path }), invalid: path };
    }
    case "minProperties": {
      const keys = Object.keys(parent.properties ?? {});
      const msg = `${where} is empty; give at least one of: ${keys.join(", ")}`;
      return { diagnostic: source.diagnostic("PLAN_SCHEMA", msg, { path }), invalid: path };
    }
    default: {
      const msg = `${where} ${error.message ?? "is invalid"} (found ${describe(error.data)})`;
      return { diagnostic: source.diagnostic("PLAN_SCHEMA", msg, { path }), invalid: path };
    }
  }
}

function lowerFirst(s: string): string {
  return s.replace(/^A /, "a ").replace(/^One /, "one ");
}

/** Removes invalid values in place (list items become `undefined` so indexes keep their origin). */
export function dropInvalid(data: unknown, paths: readonly DocPath[]): unknown {
  let root = data;
  for (const path of paths) {
    if (path.length === 0) {
      root = {};
      continue;
    }
    let node: unknown = root;
    for (const segment of path.slice(0, -1))
      node = node && typeof node === "object" ? (node as Record<string, unknown>)[segment] : undefined;
    const last = path[path.length - 1]!;
    if (Array.isArray(node) && typeof last === "number") node[last] = undefined;
    else if (node && typeof node === "object") delete (node as Record<string, unknown>)[last];
  }
  return root;
}
