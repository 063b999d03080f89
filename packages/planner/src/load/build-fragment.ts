import type { Defaults, EntityRef, Entry, PlanFile, ReleaseRef, Routing } from "@qac/schemas";
import type { Definition, Origin } from "../plan.js";
import { pointer, type DocPath, type SourceFile } from "./source-file.js";

/** An entry as written, with where it is (checked and normalised later). */
export interface EntryDraft {
  source: SourceFile;
  path: DocPath;
  raw: Entry;
}

/** What one plan file contributes, after invalid values were dropped. */
export interface Fragment {
  source: SourceFile;
  /** JSON Pointers of values the schema rejected (already reported). */
  invalid: Set<string>;
  project: Definition<EntityRef> | null;
  include: { path: string; origin: Origin }[];
  defaults: Defaults | null;
  routing: Routing | null;
  configurations: Definition<EntityRef>[];
  releases: Definition<ReleaseRef>[];
  hosts: Definition<EntityRef>[];
  entries: EntryDraft[];
}

/** Origin of a document path in a source file. */
export function originOf(source: SourceFile, path: DocPath, part: "key" | "value" = "value"): Origin {
  const d = source.diagnostic("PLAN_SCHEMA", "", { path, part });
  return {
    file: d.file,
    line: d.line,
    column: d.column,
    endColumn: d.endColumn,
    path: pointer(path),
    sourceLine: d.sourceLine,
  };
}

function definitions<R>(
  source: SourceFile,
  map: Record<string, R | undefined> | undefined,
  section: string,
): Definition<R>[] {
  if (!map || typeof map !== "object") return [];
  return Object.entries(map)
    .filter((pair): pair is [string, R] => pair[1] !== undefined)
    .map(([name, ref]) => ({ name, ref, origin: originOf(source, [section, name], "key") }));
}

/**
 * Collects one file's definitions and entries with their origins. `data` has been validated
 * against the schema and its invalid values dropped, so what remains has the schema's types
 * (list items may be `undefined` where an invalid item was dropped).
 */
export function buildFragment(source: SourceFile, data: unknown, invalid: readonly DocPath[]): Fragment {
  const plan = (isMapping(data) ? data : {}) as Partial<PlanFile>;
  // Lists are checked again, so whatever slips past the schema check can never crash the loader.
  const include = (Array.isArray(plan.include) ? plan.include : []).flatMap((p, i) =>
    typeof p === "string" ? [{ path: p, origin: originOf(source, ["include", i]) }] : [],
  );
  const entries: EntryDraft[] = [];
  for (const [i, raw] of (Array.isArray(plan.entries) ? plan.entries : []).entries()) {
    if (raw && typeof raw === "object") entries.push({ source, path: ["entries", i], raw });
  }
  return {
    source,
    invalid: new Set(invalid.map(pointer)),
    project:
      plan.project === undefined ? null : { name: "project", ref: plan.project, origin: originOf(source, ["project"]) },
    include,
    defaults: plan.defaults ?? null,
    routing: plan.routing ?? null,
    configurations: definitions(source, plan.configurations, "configurations"),
    releases: definitions(source, plan.releases, "releases"),
    hosts: definitions(source, plan.hosts, "hosts"),
    entries,
  };
}

/** A plain mapping; YAML's `!!binary` (Uint8Array), `!!set`, `!!omap` and `!!timestamp` values are objects too. */
export function isMapping(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
