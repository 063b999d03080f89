import type { DesiredRun } from "@qac/planner";
import { matchesKey } from "../observe/match-run.js";
import type { RunHistory } from "../observe/observed-run.js";
import { isUnfinished } from "../run-status.js";
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
export function diffPlan(desired: readonly DesiredRun[], observed: Pick<RunHistory, "runs" | "ledger" | "applyIdentity">): Change[] {
  const claimed = new Set<number>();
  const ledger = observed.ledger ?? {};
  // Runs recorded in the ledger belong to their identity and satisfy nothing else.
  for (const id of Object.values(ledger)) claimed.add(id);
  const runs = observed.runs.filter((r) => isUnfinished(r.status));
  return desired.map((run): Change => {
    const base = { identity: run.identity, run, satisfiedBy: null, satisfiedByStatus: null, cause: null };
    const recorded = ledger[run.identity];
    if (recorded !== undefined) {
      const status = observed.runs.find((r) => r.id === recorded)?.status ?? null;
      return { ...base, decision: "skip", satisfiedBy: recorded, satisfiedByStatus: status, cause: "once-per", reason: `run ${recorded} was created by an earlier apply with --once-per ${observed.applyIdentity ?? ""}` };
    }
    if (run.forceNewRun) return { ...base, decision: "create-forced", reason: "forceNewRun: true in the plan: always starts a new run (ForceNewRunCreation)" };
    const match = runs.find((r) => !claimed.has(r.id) && matchesKey(run, r));
    if (match) {
      claimed.add(match.id);
      return { ...base, decision: "skip", satisfiedBy: match.id, satisfiedByStatus: match.status, cause: "unfinished-run", reason: `run ${match.id} with the same ${run.kind === "test" ? "test" : "test set"}, configuration, release and host is still ${match.status}` };
    }
    return { ...base, decision: "create", reason: "no unfinished run with the same test or set, configuration, release and host" };
  });
}
