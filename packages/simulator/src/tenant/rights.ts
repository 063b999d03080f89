import type { SeedProjectRights, SeedRight } from "../seed/seed-document.js";

/** Project areas that carry rights (reference §1.4 and the per-operation rights in §3–§8). */
export type Area = "test_library" | "test_sets" | "releases";

/** A user's rights in one project, per area. */
export type ProjectRights = Record<Area, ReadonlySet<SeedRight>>;

const AREAS: readonly Area[] = ["test_library", "test_sets", "releases"];
const ALL: readonly SeedRight[] = ["read", "add", "update", "delete"];

/** Expands the seed's shorthand (`full`, `read`, `none` or per-area lists) into per-area sets. */
export function expandRights(spec: SeedProjectRights): ProjectRights {
  const pick = (area: Area): SeedRight[] => {
    if (spec === "full") return [...ALL];
    if (spec === "read") return ["read"];
    if (spec === "none") return [];
    return spec[area] ?? [];
  };
  return {
    test_library: new Set(pick("test_library")),
    test_sets: new Set(pick("test_sets")),
    releases: new Set(pick("releases")),
  };
}

/** True when the user may see the project at all (any right in any area). */
export function hasAnyRight(rights: ProjectRights | undefined): boolean {
  return rights !== undefined && AREAS.some((a) => rights[a].size > 0);
}

/**
 * The `permissions.acl` number for an area (reference §1.4): 1 read, 2 update, 4 delete, 7 full.
 * The documented scale has no bit for Add; the simulator folds Add into the update bit (assumption).
 */
export function aclOf(rights: ProjectRights | undefined, area: Area): number {
  if (!rights) return 0;
  const set = rights[area];
  return (set.has("read") ? 1 : 0) | (set.has("update") || set.has("add") ? 2 : 0) | (set.has("delete") ? 4 : 0);
}
