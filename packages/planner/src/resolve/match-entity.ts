import type { EntityRef } from "@qac/schemas";
import { closest } from "../validate/did-you-mean.js";

/** What every matchable entity offers. */
export interface Matchable {
  id: number;
  title: string;
  active: boolean;
}

/** The outcome of matching one reference. */
export type Match<T> =
  | { ok: true; entity: T }
  | { ok: false; reason: "missing"; candidates: string[] }
  | { ok: false; reason: "ambiguous"; candidates: string[] }
  | { ok: false; reason: "inactive"; entity: T };

/** A reference's name or id. */
export function refKey(ref: EntityRef): { id: number } | { name: string } {
  if (typeof ref === "number") return { id: ref };
  if (typeof ref === "string") return { name: ref };
  return ref;
}

/** Entities indexed by id, title and lower-case title, so matching 10,000 entries stays linear. */
export interface EntityIndex<T extends Matchable> {
  all: readonly T[];
  byId: Map<number, T[]>;
  byTitle: Map<string, T[]>;
  byLowerTitle: Map<string, T[]>;
}

function push<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds an {@link EntityIndex}. */
export function indexEntities<T extends Matchable>(all: readonly T[]): EntityIndex<T> {
  const index: EntityIndex<T> = { all, byId: new Map(), byTitle: new Map(), byLowerTitle: new Map() };
  for (const e of all) {
    push(index.byId, e.id, e);
    push(index.byTitle, e.title, e);
    push(index.byLowerTitle, e.title.toLowerCase(), e);
  }
  return index;
}

/**
 * Finds the one active entity a reference means: by id, or by title (exact, else
 * case-insensitive). Several active matches are ambiguous; only inactive matches are inactive.
 */
export function matchEntity<T extends Matchable>(ref: EntityRef, entities: readonly T[] | EntityIndex<T>): Match<T> {
  const index = Array.isArray(entities) ? indexEntities(entities as readonly T[]) : (entities as EntityIndex<T>);
  const key = refKey(ref);
  const found =
    "id" in key
      ? (index.byId.get(key.id) ?? [])
      : (index.byTitle.get(key.name) ?? index.byLowerTitle.get(key.name.toLowerCase()) ?? []);
  const active = found.filter((e) => e.active);
  if (active.length === 1) return { ok: true, entity: active[0]! };
  if (active.length > 1)
    return { ok: false, reason: "ambiguous", candidates: active.map((e) => `${e.title} (id ${e.id})`) };
  if (found.length > 0) return { ok: false, reason: "inactive", entity: found[0]! };
  const wanted = "id" in key ? String(key.id) : key.name;
  return {
    ok: false,
    reason: "missing",
    candidates:
      "id" in key
        ? []
        : closest(
            wanted,
            index.all.filter((e) => e.active).map((e) => e.title),
          ),
  };
}

/** Message tail for a failed match. */
export function describeMatchFailure(
  what: string,
  ref: EntityRef,
  match: Exclude<Match<Matchable>, { ok: true }>,
): string {
  const key = refKey(ref);
  const shown = "id" in key ? `id ${key.id}` : JSON.stringify(key.name);
  switch (match.reason) {
    case "missing": {
      const hint = match.candidates.length
        ? `; did you mean ${match.candidates.map((c) => JSON.stringify(c)).join(" or ")}?`
        : "; check the spelling or use its id";
      return `${what} ${shown} was not found${hint}`;
    }
    case "ambiguous":
      return (
        `${what} ${shown} matches ${match.candidates.length} active entities (${match.candidates.join(", ")}); ` +
        `refer to one by id, e.g. \`{ id: N }\``
      );
    case "inactive":
      return `${what} ${shown} (id ${match.entity.id}) is inactive in QAComplete; activate it or choose another`;
  }
}
