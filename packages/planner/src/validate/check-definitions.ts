import type { EntityRef, ReleaseRef } from "@qac/schemas";
import type { Fragment } from "../load/build-fragment.js";
import type { Definition, Origin } from "../plan.js";
import type { CheckContext } from "./check-context.js";
import { refKey } from "../resolve/match-entity.js";

/** The merged short-name tables of a plan. */
export interface DefinitionTables {
  configurations: Map<string, Definition<EntityRef>>;
  releases: Map<string, Definition<ReleaseRef>>;
  hosts: Map<string, Definition<EntityRef>>;
}

const at = (o: Origin) => `${o.file}:${o.line}`;

/**
 * Merges the definitions of every file. The same short name may appear in two files only with
 * the same meaning; otherwise the second is reported.
 */
export function mergeDefinitions(fragments: readonly Fragment[], ctx: CheckContext): DefinitionTables {
  const tables: DefinitionTables = { configurations: new Map(), releases: new Map(), hosts: new Map() };
  for (const fragment of fragments) {
    for (const section of ["configurations", "releases", "hosts"] as const) {
      const table = tables[section] as Map<string, Definition<unknown>>;
      for (const def of fragment[section] as Definition<unknown>[]) {
        const first = table.get(def.name);
        if (!first) table.set(def.name, def);
        else if (JSON.stringify(first.ref) !== JSON.stringify(def.ref))
          ctx.report(
            fragment,
            "PLAN_DUPLICATE_NAME",
            `${section} short name ${JSON.stringify(def.name)} is already defined differently at ` +
              `${at(first.origin)}; rename one of them`,
            [section, def.name],
            "key",
          );
      }
    }
  }
  return tables;
}

/**
 * Checks that the root plan alone sets `project`, `defaults` and `routing` (included files may
 * repeat the same project), and that the root has a project unless one is given (`--project`).
 */
export function checkRootOnly(fragments: readonly Fragment[], ctx: CheckContext, projectGiven = false): void {
  const [root, ...included] = fragments;
  if (!root) return;
  if (!root.project && !projectGiven && !ctx.wasInvalid(root, ["project"]))
    ctx.report(
      root,
      "PLAN_NO_PROJECT",
      "the plan has no `project`; add `project: <name or id>` (e.g. `project: Web Shop`), or pass --project",
      [],
    );
  for (const fragment of included) {
    // A name and an id may mean the same project; only two different names (or ids) surely conflict.
    if (
      fragment.project &&
      root.project &&
      sameForm(fragment.project.ref, root.project.ref) &&
      JSON.stringify(refKey(fragment.project.ref)) !== JSON.stringify(refKey(root.project.ref))
    )
      ctx.report(
        fragment,
        "PLAN_CONFLICT",
        `this included file is for project ${JSON.stringify(fragment.project.ref)} but the plan is for ` +
          `${JSON.stringify(root.project.ref)}; a plan runs in one project`,
        ["project"],
      );
    for (const key of ["defaults", "routing"] as const)
      if (fragment[key])
        ctx.report(
          fragment,
          "PLAN_CONFLICT",
          `only the root plan (${root.source.file}) may set \`${key}\`; move it there`,
          [key],
          "key",
        );
  }
}

function sameForm(a: EntityRef, b: EntityRef): boolean {
  const form = (r: EntityRef) => (typeof r === "number" || (typeof r === "object" && "id" in r) ? "id" : "name");
  return form(a) === form(b);
}
