import type { WaitResult } from "../wait/wait-for-runs.js";

/** How waiting for an apply's runs ended, as the apply report and `qac wait --json` carry it. */
export interface WaitSummary {
  outcome: WaitResult["outcome"];
  /** One sentence: which runs failed, were blocked or incomplete, or are still unfinished. */
  reason: string;
  /** Run ids that were not found (deleted). */
  missing: number[];
  runs: {
    id: number;
    /** QAComplete's `status_code`, as it is (an unknown one never counts as passed). */
    status: string;
    title: string | null;
    configuration: string | null;
    release: string | null;
    host: string | null;
    runTimeSeconds: number;
  }[];
}

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
