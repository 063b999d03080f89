import type { Defaults, Routing } from "@qac/schemas";
import { originOf, type Fragment } from "../load/build-fragment.js";
import type { PlanEntry, PlanRouting, PlanRoutingRule } from "../plan.js";
import { nameList, type CheckContext } from "./check-context.js";
import { checkRefs } from "./check-refs.js";
import type { DefinitionTables } from "./check-definitions.js";
import { didYouMean } from "./did-you-mean.js";

/** Defaults after checking, in the form entries use: the entry fields that `defaults` may set. */
export type CheckedDefaults = Pick<
  PlanEntry,
  "configurations" | "releases" | "host" | "sequential" | "forceNewRun" | "labels" | "manual"
>;

/** Checks `defaults` in the root file and returns them normalised. */
export function checkDefaults(
  ctx: CheckContext,
  root: Fragment,
  defaults: Defaults | null,
  tables: DefinitionTables,
): CheckedDefaults {
  const d = defaults ?? {};
  const configurations = checkRefs(
    ctx,
    root,
    "configuration",
    d.configurations,
    ["defaults", "configurations"],
    tables.configurations,
  );
  const releases = checkRefs(ctx, root, "release", d.releases, ["defaults", "releases"], tables.releases);
  const host = checkRefs(ctx, root, "host", d.host, ["defaults", "host"], tables.hosts);
  return {
    configurations: configurations ?? null,
    releases: releases ?? null,
    host: host?.[0] ?? (typeof d.host === "string" ? d.host : null),
    sequential: typeof d.sequential === "boolean" ? d.sequential : null,
    forceNewRun: d.forceNewRun === true,
    labels: (d.labels ?? []).filter((l): l is string => typeof l === "string"),
    manual: d.manual === true,
  };
}

const hasGlob = (s: string) => /[*?]/.test(s);

/** Checks routing rules and the fallback (hosts defined, literal configuration names defined). */
export function checkRouting(
  ctx: CheckContext,
  root: Fragment,
  routing: Routing | null,
  tables: DefinitionTables,
  defaultHost: string | null,
): PlanRouting {
  const out: PlanRouting = { rules: [], fallback: null };
  if (!routing) return out;
  if (defaultHost !== null)
    ctx.report(
      root,
      "PLAN_CONFLICT",
      "`defaults.host` and `routing` are both set, so routing would never apply; move the default host to " +
        "`routing.fallback`",
      ["defaults", "host"],
    );
  for (const [i, rule] of (routing.rules ?? []).entries()) {
    if (!rule || typeof rule !== "object" || !rule.when || typeof rule.host !== "string") continue;
    const base = ["routing", "rules", i];
    const host = checkRefs(ctx, root, "host", rule.host, [...base, "host"], tables.hosts);
    const when: PlanRoutingRule["when"] = {};
    for (const key of ["configuration", "test", "testSet", "folder", "labels"] as const) {
      // An id given as a number matches like the same digits written as text.
      const value = rule.when[key];
      const written = Array.isArray(value) ? value.map(idText) : idText(value);
      const list = nameList(written)?.filter((v): v is string => v !== undefined);
      if (list) when[key] = list;
    }
    for (const [j, name] of (when.configuration ?? []).entries()) {
      if (hasGlob(name) || tables.configurations.has(name)) continue;
      const path = Array.isArray(rule.when.configuration)
        ? [...base, "when", "configuration", j]
        : [...base, "when", "configuration"];
      ctx.report(
        root,
        "PLAN_UNKNOWN_REF",
        `routing matches configuration ${JSON.stringify(name)}, which is not defined under ` +
          `\`configurations:\`${didYouMean(name, tables.configurations.keys())}`,
        path,
      );
    }
    if (host?.length) out.rules.push({ when, host: host[0]!, origin: originOf(root.source, base) });
  }
  const fallback = checkRefs(ctx, root, "host", routing.fallback, ["routing", "fallback"], tables.hosts);
  if (fallback?.length) out.fallback = { host: fallback[0]!, origin: originOf(root.source, ["routing", "fallback"]) };
  return out;
}

const idText = (v: unknown): unknown => (typeof v === "number" ? String(v) : v);
