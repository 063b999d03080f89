import type { ResolvedPlan } from "@qac/planner";
import { RunnerError } from "../errors.js";
import type { ApplyReport } from "./apply-report.js";

/**
 * The invariant behind "exactly the runs the plan asks for": every run the plan expands to
 * appears exactly once in what `where` shows (a preview, an apply report). A run missing or shown
 * twice is a bug in qac, never something to skip quietly: it throws RUNNER_LOST_RUNS naming the
 * runs, so `qac plan`/`qac apply` fail (exit 1) instead of dropping one.
 */
export function checkEveryRun(
  plan: ResolvedPlan,
  shown: readonly string[],
  where: string,
  details: { report?: ApplyReport } = {},
): void {
  // A plan saved by an older qac has no plannedRunKeys: its runs are what it planned.
  const planned = plan.plannedRunKeys ?? plan.runs.map((r) => r.runKey);
  const seen = new Map<string, number>();
  for (const key of shown) seen.set(key, (seen.get(key) ?? 0) + 1);
  const lost = planned.filter((key) => !seen.has(key));
  const twice = [...seen].filter(([, n]) => n > 1).map(([key]) => key);
  const plannedSet = new Set(planned);
  const extra = [...seen.keys()].filter((key) => !plannedSet.has(key));
  if (lost.length + twice.length + extra.length === 0) return;
  const list = (keys: string[]) =>
    keys.slice(0, 10).join(", ") + (keys.length > 10 ? `, ... ${keys.length - 10} more` : "");
  const problems = [
    lost.length ? `${lost.length} missing (${list(lost)})` : "",
    twice.length ? `${twice.length} shown twice (${list(twice)})` : "",
    extra.length ? `${extra.length} not in the plan (${list(extra)})` : "",
  ].filter(Boolean);
  throw new RunnerError(
    "RUNNER_LOST_RUNS",
    `internal error: the ${where} does not account for every run the plan expands to: ${problems.join("; ")}. ` +
      "Nothing was hidden on purpose; please report this with the plan file (qac validate shows the runs).",
    { ...details, lost, twice, extra, where },
  );
}
