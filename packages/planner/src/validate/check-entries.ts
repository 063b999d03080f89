import type { EntityRef } from "@qac/schemas";
import { originOf, type EntryDraft, type Fragment } from "../load/build-fragment.js";
import type { PlanEntry } from "../plan.js";
import { slug, type CheckContext } from "./check-context.js";
import { checkRefs } from "./check-refs.js";
import type { DefinitionTables } from "./check-definitions.js";
import type { CheckedDefaults } from "./check-routing.js";

function derivedKey(kind: "test" | "testSet", ref: EntityRef): string {
  const prefix = kind === "test" ? "test" : "set";
  if (typeof ref === "number") return `${prefix}-${ref}`;
  if (typeof ref === "string") return slug(ref);
  return "id" in ref ? `${prefix}-${ref.id}` : slug(ref.name);
}

/**
 * Checks every entry (one of test/testSet, references defined, nothing empty, manual without a
 * host, unique keys) and returns the usable ones with defaults applied.
 */
export function checkEntries(
  ctx: CheckContext,
  drafts: readonly { fragment: Fragment; draft: EntryDraft }[],
  tables: DefinitionTables,
  defaults: CheckedDefaults,
): PlanEntry[] {
  const entries: PlanEntry[] = [];
  const keys = new Map<string, PlanEntry>();
  for (const { fragment, draft } of drafts) {
    const { raw, path } = draft;
    const hasTest = raw.test !== undefined || ctx.wasInvalid(fragment, [...path, "test"]);
    const hasSet = raw.testSet !== undefined || ctx.wasInvalid(fragment, [...path, "testSet"]);
    if (hasTest && hasSet) {
      ctx.report(
        fragment,
        "PLAN_CONFLICT",
        "an entry runs either a `test` or a `testSet`, not both; split it into two entries",
        [...path, "testSet"],
        "key",
      );
    } else if (!hasTest && !hasSet) {
      ctx.report(
        fragment,
        "PLAN_CONFLICT",
        "this entry names nothing to run; add `test: <title or id>` or `testSet: <title or id>`",
        path,
      );
    }
    const configurations = checkRefs(
      ctx,
      fragment,
      "configuration",
      raw.configurations,
      [...path, "configurations"],
      tables.configurations,
    );
    const releases = checkRefs(ctx, fragment, "release", raw.releases, [...path, "releases"], tables.releases);
    const host = checkRefs(ctx, fragment, "host", raw.host, [...path, "host"], tables.hosts);
    const manual = raw.manual ?? defaults.manual;
    if (manual && raw.host !== undefined)
      ctx.report(
        fragment,
        "PLAN_CONFLICT",
        "a manual entry has no host; remove `host` or `manual: true`",
        [...path, "host"],
        "key",
      );
    const kind = raw.test !== undefined ? "test" : "testSet";
    const ref = raw.test ?? raw.testSet;
    if (ref === undefined || (hasTest && hasSet)) continue;
    const entry: PlanEntry = {
      key: raw.key ?? derivedKey(kind, ref),
      keyGiven: raw.key !== undefined,
      kind,
      ref,
      refOrigin: originOf(fragment.source, [...path, kind]),
      configurations: configurations ?? defaults.configurations,
      releases: releases ?? defaults.releases,
      // An undefined host name is reported already; keep it so routing does not add a "no host" echo.
      // (A host the schema rejected counts as given too; the plan is invalid either way.)
      host: manual
        ? null
        : (host?.[0] ??
          (typeof raw.host === "string"
            ? raw.host
            : ctx.wasInvalid(fragment, [...path, "host"])
              ? "(invalid)"
              : defaults.host)),
      sequential: raw.sequential ?? defaults.sequential,
      forceNewRun: raw.forceNewRun ?? defaults.forceNewRun,
      labels: [
        ...new Set([...defaults.labels, ...(raw.labels ?? []).filter((l): l is string => typeof l === "string")]),
      ],
      sequenceGroup: raw.sequenceGroup ?? null,
      manual,
      origin: originOf(fragment.source, path),
    };
    const first = keys.get(entry.key);
    if (first) {
      const how = entry.keyGiven ? "give it another `key:`" : "add a distinct `key:` to one of them";
      ctx.report(
        fragment,
        "PLAN_DUPLICATE_KEY",
        `entry key ${JSON.stringify(entry.key)} is already used by the entry at ` +
          `${first.origin.file}:${first.origin.line}; ${how}`,
        entry.keyGiven ? [...path, "key"] : path,
      );
      continue;
    }
    keys.set(entry.key, entry);
    entries.push(entry);
  }
  return entries;
}
