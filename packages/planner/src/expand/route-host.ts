import type { HostSource, PlanRouting, TargetKind } from "../plan.js";
import { matchesAny } from "./glob.js";

/** What routing knows about a run. */
export interface RouteInput {
  kind: TargetKind;
  configuration: string | null;
  /** The test or set as written, plus (online) its title and id. */
  names: string[];
  labels: readonly string[];
  /** The test's or set's folder; `undefined` offline (not known yet). */
  folder?: string | undefined;
}

/** The routing decision for one run. */
export interface RouteResult {
  host: string | null;
  source: Extract<HostSource, "rule" | "fallback" | "none" | "pending">;
  rule: number | null;
}

/**
 * Applies routing: the first rule whose every condition holds wins, else the fallback. Offline
 * (folder unknown, and with it the title or id the plan did not write) a rule that could still
 * match online makes the result `pending`: a folder condition, or a `test`/`testSet` pattern that
 * the written name does not match (it may match the title or the id). Resolution then has every
 * rule's host at hand and decides.
 */
export function routeHost(routing: PlanRouting, input: RouteInput): RouteResult {
  const offline = input.folder === undefined;
  for (const [index, rule] of routing.rules.entries()) {
    const w = rule.when;
    if (w.configuration && !(input.configuration !== null && matchesAny(w.configuration, [input.configuration])))
      continue;
    if ((input.kind === "test" ? w.testSet : w.test) !== undefined) continue;
    if (w.labels && !w.labels.every((l) => input.labels.includes(l))) continue;
    const names = input.kind === "test" ? w.test : w.testSet;
    if (names && !matchesAny(names, input.names)) {
      if (offline) return { host: null, source: "pending", rule: index };
      continue;
    }
    if (w.folder) {
      if (input.folder === undefined) return { host: null, source: "pending", rule: index };
      if (!matchesAny(w.folder, [input.folder])) continue;
    }
    return { host: rule.host, source: "rule", rule: index };
  }
  if (routing.fallback) return { host: routing.fallback.host, source: "fallback", rule: null };
  return { host: null, source: "none", rule: null };
}
