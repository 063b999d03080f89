import type { SavedDecision } from "@qac/schemas";
import type { Change } from "../diff/change.js";
import { RunnerError } from "../errors.js";

// A saved plan's decision for one run, as `qac plan --out` writes it (schemas/saved-plan.schema.json).
export type { SavedDecision };

/** A run whose decision changed since its plan was saved (RUNNER_STALE_PLAN). */
export interface StaleRun {
  runKey: string;
  /** The saved decision: `create`, `create-forced` or `skip (run N)`. */
  was: string;
  /** The decision Run History gives now. */
  now: string;
  reason: string;
}

const describe = (d: { decision: string; satisfiedBy: number | null }) =>
  d.decision === "skip" ? `skip (run ${d.satisfiedBy})` : d.decision;

/**
 * Compares the decisions a saved plan was made with against those Run History gives now; throws
 * RUNNER_STALE_PLAN listing every run whose decision changed. A run to create that is now
 * satisfied by the `--once-per` record is not a change: an earlier apply of this saved plan (same
 * id: a retried CI job, or a rerun after Ctrl-C or a crash) created it, so the rerun converges.
 */
export function checkStale(saved: readonly SavedDecision[], now: readonly Change[]): void {
  const byIdentity = new Map(now.map((c) => [c.identity, c]));
  const changed: StaleRun[] = [];
  for (const s of saved) {
    const c = byIdentity.get(s.identity);
    if (!c) continue;
    if (c.cause === "once-per" && s.decision !== "skip") continue;
    if (c.decision !== s.decision || c.satisfiedBy !== s.satisfiedBy)
      changed.push({ runKey: c.run.runKey, was: describe(s), now: describe(c), reason: c.reason });
  }
  if (changed.length === 0) return;
  const lines = changed.slice(0, 20).map((c) => `  ${c.runKey}: planned ${c.was}, now ${c.now} (${c.reason})`);
  if (changed.length > 20) lines.push(`  ... and ${changed.length - 20} more`);
  throw new RunnerError(
    "RUNNER_STALE_PLAN",
    `the saved plan is stale: Run History changed since it was made.\n${lines.join("\n")}\nRun qac plan --out again ` +
      `and review it.`,
    { changed },
  );
}
