import type { CreateTestRunBody, ProjectId, TestId, TestSetId } from "@qac/core";
import { diagnosticAt } from "../diagnostic-at.js";
import type { Diagnostic } from "../errors.js";
import { writtenNames } from "../expand/expand-runs.js";
import { routeHost } from "../expand/route-host.js";
import type { Plan, PlannedRun } from "../plan.js";
import { assignSequences } from "./assign-sequences.js";
import type { Resolution } from "./resolve-targets.js";
import type { DesiredRun } from "./resolved-plan.js";
import { runIdentity } from "./run-identity.js";

/**
 * Turns the selected planned runs into desired runs with ids, routing online (folders are known
 * now), and reports automated runs without a host and runs that two entries both ask for.
 * Runs whose names did not resolve are left out (their problem is already reported).
 */
export function buildRuns(
  plan: Plan,
  projectId: ProjectId,
  selected: readonly PlannedRun[],
  r: Resolution,
  diagnostics: Diagnostic[],
): DesiredRun[] {
  const runs: DesiredRun[] = [];
  const byIdentity = new Map<string, DesiredRun>();
  const hostless = new Set<number>();
  for (const run of selected) {
    const entry = plan.entries[run.entryIndex]!;
    const target = r.targets.get(run.entryIndex);
    const configuration = run.configuration === null ? null : r.configurations.get(run.configuration);
    const release = run.release === null ? null : r.releases.get(run.release);
    if (!target || configuration === undefined || release === undefined) continue;
    let hostName = run.host;
    if (run.hostSource !== "entry" && run.hostSource !== "manual") {
      const names = [...writtenNames(entry.ref), target.title, String(target.id)];
      hostName = routeHost(plan.routing, {
        kind: run.kind,
        configuration: run.configuration,
        names,
        labels: run.labels,
        folder: target.folder ?? "",
      }).host;
    }
    const host = hostName === null ? null : r.hosts.get(hostName);
    if (host === undefined || (hostName !== null && host === null)) continue;
    if (configuration === null && run.configuration !== null) continue;
    if (release === null && run.release !== null) continue;
    if (!host && !entry.manual && target.automated) {
      if (!hostless.has(run.entryIndex))
        diagnostics.push(
          diagnosticAt(
            entry.origin,
            "PLAN_NO_HOST",
            `${entry.kind === "test" ? "test" : "test set"} ${JSON.stringify(target.title)} is automated but entry ` +
              `${JSON.stringify(entry.key)} gets no host${run.configuration ? ` for ${run.configuration}` : ""}; add ` +
              `\`host:\`, a routing rule or \`routing.fallback\``,
          ),
        );
      hostless.add(run.entryIndex);
      continue;
    }
    const parts = {
      projectId,
      kind: run.kind,
      targetId: target.id,
      configurationId: configuration?.id ?? null,
      releaseId: release?.id ?? null,
      hostId: host?.id ?? null,
    };
    const { identity, identityKey } = runIdentity(parts);
    const isSequential = entry.sequential ?? (run.kind === "testSet" && target.isSequential);
    const target_ = run.kind === "test" ? { TestId: target.id as TestId } : { TestSetId: target.id as TestSetId };
    // Exactly what qac sends. ForceNewRunCreation is always true: qac itself checks, under a lease,
    // that no matching run is pending (or the plan forces a new one); the server's own matching is
    // undocumented and may be coarser (same test only), swallowing a matrix's other configurations.
    const body: CreateTestRunBody = { ...target_, IsSequential: isSequential, ForceNewRunCreation: true };
    // "None" is 0 in responses, but sending 0 is undocumented: what the plan leaves empty is omitted.
    if (configuration) body.TestConfigId = configuration.id;
    if (release) body.ReleaseId = release.id;
    if (host) body.RunByHostId = host.id;
    const desired: DesiredRun = {
      identity,
      identityKey,
      runKey: run.key,
      entryKey: run.entryKey,
      projectId,
      kind: run.kind,
      testId: run.kind === "test" ? (target.id as TestId) : null,
      testSetId: run.kind === "testSet" ? (target.id as TestSetId) : null,
      title: target.title,
      folder: target.folder,
      automated: target.automated,
      configuration,
      release,
      host,
      isSequential,
      forceNewRun: entry.forceNewRun,
      sequence: null,
      labels: run.labels,
      origin: run.origin,
      body,
    };
    const first = byIdentity.get(identity);
    if (first) {
      diagnostics.push(
        diagnosticAt(
          run.origin,
          "PLAN_DUPLICATE_RUN",
          `run ${run.key} is the same run as ${first.runKey} (${first.origin.file}:${first.origin.line}): ` +
            `${identityKey}; remove one, or change its configuration, release or host`,
        ),
      );
      continue;
    }
    byIdentity.set(identity, desired);
    runs.push(desired);
  }
  assignSequences(runs, plan);
  return runs;
}
