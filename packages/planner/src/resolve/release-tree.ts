import type { Release } from "@qac/core";
import type { ReleaseRef } from "@qac/schemas";
import { closest } from "../validate/did-you-mean.js";
import { matchEntity, type Match, type Matchable } from "./match-entity.js";

/** A release, iteration or build with its full path from the top-level release. */
export interface ReleaseNode extends Matchable {
  release: Release;
  /** Titles from the top, e.g. `["2026.12", "RC1", "Build 42"]`. */
  path: string[];
  /** The closed release this one is or sits in (`2026.11: Closed (Completed)`), else null. */
  closed: string | null;
}

/** QAComplete's closed statuses: `Closed (Completed)`, `Closed (Cancelled)` (reference §13). */
const isClosed = (r: Release) => /^closed\b/i.test(r.status_code ?? "");

/** Builds every release's path from `parent_id` (0 = top level); cycles are cut. */
export function buildReleaseTree(releases: readonly Release[]): ReleaseNode[] {
  const byId = new Map(releases.map((r) => [Number(r.id), r]));
  return releases.map((release) => {
    const path: string[] = [];
    const seen = new Set<number>();
    let closed: string | null = null;
    for (let r: Release | undefined = release; r && !seen.has(Number(r.id)); r = byId.get(Number(r.parent_id ?? 0))) {
      seen.add(Number(r.id));
      path.unshift(r.title);
      if (closed === null && isClosed(r)) closed = `${r.title}: ${r.status_code ?? ""}`;
    }
    const active = release.is_active !== false;
    return { id: Number(release.id), title: release.title, active, release, path, closed };
  });
}

/** `2026.12 / RC1 / Build 42`. */
export const showPath = (path: readonly string[]): string => path.join(" / ");

/** Splits a release string into path segments (`"2026.12 / RC1"` → `["2026.12", "RC1"]`). */
function releasePath(ref: ReleaseRef): string[] | null {
  if (typeof ref === "string") return ref.includes("/") ? ref.split("/").map((s) => s.trim()) : null;
  if (typeof ref === "object" && "path" in ref) return ref.path;
  return null;
}

/**
 * Finds a release by id, by unique title at any level, or by path from the top (exact titles,
 * else case-insensitive).
 */
export function matchRelease(ref: ReleaseRef, nodes: readonly ReleaseNode[]): Match<ReleaseNode> {
  const path = releasePath(ref);
  if (!path) return matchEntity(ref as Exclude<ReleaseRef, { path: string[] }>, nodes);
  const same = (a: readonly string[], b: readonly string[], fold: boolean) =>
    a.length === b.length && a.every((s, i) => (fold ? s.toLowerCase() === b[i]!.toLowerCase() : s === b[i]));
  let found = nodes.filter((n) => same(n.path, path, false));
  if (found.length === 0) found = nodes.filter((n) => same(n.path, path, true));
  const active = found.filter((n) => n.active);
  if (active.length === 1) return { ok: true, entity: active[0]! };
  if (active.length > 1)
    return { ok: false, reason: "ambiguous", candidates: active.map((n) => `${showPath(n.path)} (id ${n.id})`) };
  if (found.length > 0) return { ok: false, reason: "inactive", entity: found[0]! };
  return {
    ok: false,
    reason: "missing",
    candidates: closest(
      showPath(path),
      nodes.map((n) => showPath(n.path)),
    ),
  };
}
