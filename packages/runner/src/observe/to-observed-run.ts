import type { TestRun, TestSetId } from "@qac/core";
import type { ObservedRun } from "./observed-run.js";

const orNull = (id: number | undefined): number | null => (id === undefined || id === 0 ? null : id);

/** Maps a wire run to an {@link ObservedRun}; `testId` is filled in later for single-test runs. */
export function toObservedRun(run: TestRun): ObservedRun {
  const setId = orNull(run.test_set_id);
  return {
    id: run.id,
    kind: setId === null ? "test" : "testSet",
    testId: null,
    testSetId: setId as TestSetId | null,
    configurationId: orNull(run.test_config_id),
    releaseId: orNull(run.release_id),
    hostName: run.test_host ? run.test_host : null,
    status: run.status_code,
  };
}
