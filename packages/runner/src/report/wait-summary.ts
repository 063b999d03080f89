import type { WaitSummary } from "@qac/schemas";
import type { WaitResult } from "../wait/wait-for-runs.js";

// How a wait ended, as the apply report's `wait` member (schemas/apply-report.schema.json) and
// `qac wait --json` carry it.
export type { WaitSummary };

/** What the caller knows about a run that the run itself does not say (a single test's title, a release path). */
export type RunLabels = ReadonlyMap<number, { title?: string | null; release?: string | null }>;

/** The plain-data summary of a wait; `labels` fill in titles and release paths the runs do not carry. */
export function summarizeWait(result: WaitResult, labels: RunLabels = new Map()): WaitSummary {
  return {
    outcome: result.outcome,
    reason: result.reason,
    missing: result.missing,
    runs: result.runs.map((r) => {
      const label = labels.get(r.id);
      return {
        id: r.id,
        status: r.status_code,
        title: label?.title ?? (r.test_set_name || null),
        configuration: r.configuration_name ?? null,
        release: label?.release ?? r.release_name ?? null,
        host: r.test_host || null,
        runTimeSeconds: r.run_time ?? 0,
      };
    }),
  };
}
