import type { TestId, TestRunId, TestSetId } from "@qac/core";

/**
 * A run of Run History as the runner sees it: the fields that decide whether it satisfies a
 * desired run. A single-test run names its test only on its item (reference §3.3), so `testId`
 * comes from there.
 */
export interface ObservedRun {
  id: TestRunId;
  kind: "test" | "testSet";
  /** The test of a single-test run (read from its item), null for a set run. */
  testId: TestId | null;
  testSetId: TestSetId | null;
  /** 0 on the wire = none = null here. */
  configurationId: number | null;
  releaseId: number | null;
  /** `test_host` of the run (a name: runs carry no host id), null when empty. */
  hostName: string | null;
  status: string;
}

/** API calls one observation made, and the fewest the API allows for the same plan. */
export interface ObserveCalls {
  total: number;
  /** `GET testruns` pages. */
  runLists: number;
  /** `GET testruns/{Id}/items` calls (single-test runs that could match). */
  itemLists: number;
  /**
   * The pages the filters' results fill (one per filter chunk up to `pageSize` rows) plus one item call per candidate
   * single-test run read; `total` exceeds it when results span pages, which overlap by a tenth.
   */
  minimum: number;
}

/** What the runner knows about a project's Run History at one moment. */
export interface RunHistory {
  projectId: number;
  /** ISO time the observation finished. */
  observedAt: string;
  /** Unfinished runs of the plan's tests and sets (the only ones that can satisfy a run). */
  runs: ObservedRun[];
  /** `--once-per` record: identity → run id an earlier apply with the same id created; null without `--once-per`. */
  ledger: Record<string, number> | null;
  /**
   * Intents without a run id in the `--once-per` record (an apply died between deciding to create
   * a run and recording it), with the run found for each (runs of the key started since the
   * intent, finished or not), or null when none was: then the create never happened.
   */
  intents: { identity: string; intentAt: string; runId: number | null }[];
  applyIdentity: string | null;
  calls: ObserveCalls;
}
