import { MAX_DIAGNOSTICS } from "../errors.js";
import type { Fragment } from "../load/build-fragment.js";
import type { DocPath } from "../load/source-file.js";
import { nameList, type CheckContext } from "./check-context.js";
import { didYouMean } from "./did-you-mean.js";

/** What kind of short name a list holds, for messages. */
export type RefKind = "configuration" | "release" | "host";

const section: Record<RefKind, string> = { configuration: "configurations", release: "releases", host: "hosts" };

/**
 * Checks a short name (or list of them) at `path`: each must be defined, none listed twice, and
 * a list must not be empty. Returns the valid names (undefined when not given or unusable).
 */
export function checkRefs(
  ctx: CheckContext,
  fragment: Fragment,
  kind: RefKind,
  value: unknown,
  path: DocPath,
  known: ReadonlyMap<string, unknown>,
): string[] | undefined {
  const names = nameList(value);
  if (names === undefined || ctx.wasInvalid(fragment, path)) return undefined;
  if (Array.isArray(value) && names.length === 0) {
    ctx.report(
      fragment,
      "PLAN_EMPTY_EXPANSION",
      `${section[kind]} is an empty list, so this expands to no run; list at least one ${kind}, or leave the key out`,
      path,
    );
    return [];
  }
  const out: string[] = [];
  const seen = new Set<string>();
  for (const [i, name] of names.entries()) {
    if (name === undefined) continue;
    const itemPath = Array.isArray(value) ? [...path, i] : path;
    if (!known.has(name)) {
      // Past the diagnostics shown, suggestions would only cost time (names x definitions).
      const hint = ctx.diagnostics.length >= MAX_DIAGNOSTICS ? "" : suggest(name, kind, known);
      ctx.report(
        fragment,
        "PLAN_UNKNOWN_REF",
        `${kind} ${JSON.stringify(name)} is not defined under \`${section[kind]}:\`${hint}`,
        itemPath,
      );
    } else if (seen.has(name)) {
      ctx.report(
        fragment,
        "PLAN_DUPLICATE_ITEM",
        `${kind} ${JSON.stringify(name)} is listed twice; remove one`,
        itemPath,
      );
    } else {
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}

function suggest(name: string, kind: RefKind, known: ReadonlyMap<string, unknown>): string {
  const defined = [...known.keys()];
  if (defined.length === 0) return `; define it under \`${section[kind]}:\` first`;
  return didYouMean(name, defined) || ` (defined: ${defined.slice(0, 10).join(", ")})`;
}
