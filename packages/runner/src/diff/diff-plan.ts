import type { DesiredRun } from "@qac/planner";
import { matchesKey } from "../observe/match-run.js";
import type { ObservedRun, RunHistory } from "../observe/observed-run.js";
import { isUnfinishedRun } from "@qac/core";
import type { Change } from "./change.js";

/**
 * Decides, for each desired run in plan order, whether to create it. Pure: no I/O, the same input
 * always gives the same plain-data output.
 *
 * - a `--once-per` record for the run's identity → `skip` (an earlier apply with that id created
 *   it); this comes first, so a retried CI job never duplicates, not even a forced run.
 * - `forceNewRun: true` → `create-forced` (creates even while a matching run is pending).
 * - an unfinished run (Awaiting Run, In Progress, Paused) with the same test or set,
 *   configuration, release and host → `skip`. Each observed run satisfies at most one desired run
 *   (the lowest id first), so two desired runs never hide behind one existing run.
 * - otherwise → `create`.
 */
export function diffPlan(
  desired: readonly DesiredRun[],
  observed: Pick<RunHistory, "runs" | "ledger" | "applyIdentity">,
): Change[] {
  const claimed = new Set<number>();
  const ledger = observed.ledger ?? {};
  const byId = new Map(observed.runs.map((r) => [r.id as number, r]));
  // Runs recorded in the ledger belong to their identity and satisfy nothing else.
  for (const id of Object.values(ledger)) claimed.add(id);
  // Bucketed by (kind, test or set, configuration, release): a lookup per desired run, not a scan
  // of all observed runs (100,000 of each would otherwise be 10^10 comparisons).
  const buckets = new Map<string, ObservedRun[]>();
  for (const r of [...observed.runs].sort((a, b) => a.id - b.id)) {
    if (!isUnfinishedRun(r.status)) continue;
    const key = bucketKey(r.kind, r.kind === "test" ? r.testId : r.testSetId, r.configurationId, r.releaseId);
    const list = buckets.get(key);
    if (list) list.push(r);
    else buckets.set(key, [r]);
  }
  return desired.map((run): Change => {
    const base = { identity: run.identity, run, satisfiedBy: null, satisfiedByStatus: null, cause: null };
    const recorded = ledger[run.identity];
    if (recorded !== undefined) {
      const status = byId.get(recorded)?.status ?? null;
      return {
        ...base,
        decision: "skip",
        satisfiedBy: recorded,
        satisfiedByStatus: status,
        cause: "once-per",
        reason: `run ${recorded} was created by an earlier apply with --once-per ${observed.applyIdentity ?? ""}`,
      };
    }
    if (run.forceNewRun)
      return {
        ...base,
        decision: "create-forced",
        reason: "forceNewRun: true in the plan: always starts a new run (ForceNewRunCreation)",
      };
    const bucket =
      buckets.get(
        bucketKey(
          run.kind,
          run.kind === "test" ? run.testId : run.testSetId,
          run.configuration?.id ?? null,
          run.release?.id ?? null,
        ),
      ) ?? [];
    const match = bucket.find((r) => !claimed.has(r.id) && matchesKey(run, r));
    if (match) {
      claimed.add(match.id);
      return {
        ...base,
        decision: "skip",
        satisfiedBy: match.id,
        satisfiedByStatus: match.status,
        cause: "unfinished-run",
        reason:
          `run ${match.id} with the same ${run.kind === "test" ? "test" : "test set"}, configuration, release ` +
          `and host is still ${match.status}`,
      };
    }
    return {
      ...base,
      decision: "create",
      reason: "no unfinished run with the same test or set, configuration, release and host",
    };
  });
}

function bucketKey(
  kind: string,
  target: number | null,
  configurationId: number | null,
  releaseId: number | null,
): string {
  return `${kind}:${target ?? "-"}:${configurationId ?? "-"}:${releaseId ?? "-"}`;
}
