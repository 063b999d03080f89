import type { DesiredRun } from "@qac/planner";
import type { ObservedRun } from "./observed-run.js";

/**
 * True when `run` has the same test or set, configuration, release and host as `desired`.
 * Hosts compare by name (runs carry `test_host`, not an id). When the plan names no host, or
 * gives it by id so its name is unknown, the host is not compared: the server may route such a
 * run to a default host, and qac cannot tell that host's name from its id.
 */
export function matchesKey(desired: DesiredRun, run: ObservedRun): boolean {
  if (desired.kind !== run.kind) return false;
  if (desired.kind === "testSet" ? run.testSetId !== desired.testSetId : run.testId !== desired.testId) return false;
  if ((desired.configuration?.id ?? null) !== run.configurationId) return false;
  if ((desired.release?.id ?? null) !== run.releaseId) return false;
  const hostName = desired.host?.hostName ?? null;
  if (hostName === null) return true;
  return (run.hostName ?? "").toLowerCase() === hostName.toLowerCase();
}
