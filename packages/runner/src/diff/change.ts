import type { DesiredRun } from "@qac/planner";

/** What the runner will do with one desired run. */
export type Decision = "create" | "create-forced" | "skip";

/** Why a run is skipped: an unfinished matching run, or an earlier apply with the same `--once-per` id. */
export type SkipCause = "unfinished-run" | "once-per";

/** The decision for one desired run, as plain data. */
export interface Change {
  identity: string;
  decision: Decision;
  /** The run that satisfies it (skip only). */
  satisfiedBy: number | null;
  /** Status of that run when observed (null when unknown, e.g. a `--once-per` record). */
  satisfiedByStatus: string | null;
  cause: SkipCause | null;
  /** One sentence for people. */
  reason: string;
  run: DesiredRun;
}

/** Counts of a diff. */
export interface ChangeSummary {
  total: number;
  create: number;
  createForced: number;
  skip: number;
}

/** Counts decisions. */
export function summarize(changes: readonly Change[]): ChangeSummary {
  const count = (d: Decision) => changes.filter((c) => c.decision === d).length;
  return { total: changes.length, create: count("create"), createForced: count("create-forced"), skip: count("skip") };
}
