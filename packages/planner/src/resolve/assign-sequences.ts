import type { Plan } from "../plan.js";
import type { DesiredRun } from "./resolved-plan.js";

/**
 * Gives runs of entries with a `sequenceGroup` their position in plan order (the runner creates
 * them one at a time in that order, without waiting for a run to finish); other runs stay
 * independent (`sequence: null`).
 */
export function assignSequences(runs: DesiredRun[], plan: Plan): void {
  const groupOf = new Map(plan.entries.map((e) => [e.key, e.sequenceGroup]));
  const groups = new Map<string, DesiredRun[]>();
  for (const run of runs) {
    const group = groupOf.get(run.entryKey);
    if (!group) continue;
    const list = groups.get(group) ?? [];
    list.push(run);
    groups.set(group, list);
  }
  for (const [group, list] of groups)
    for (const [position, run] of list.entries()) run.sequence = { group, position, size: list.length };
}
