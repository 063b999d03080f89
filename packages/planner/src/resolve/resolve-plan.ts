import { toProjectId, type CreateTestRunBody, type ProjectId, type TestId, type TestSetId } from "@qac/core";
import { diagnosticAt } from "../diagnostic-at.js";
import { hasErrors, type Diagnostic } from "../errors.js";
import { routeHost } from "../expand/route-host.js";
import { writtenNames } from "../expand/expand-runs.js";
import type { Plan, PlannedRun } from "../plan.js";
import { selectRuns, type Selection } from "../select/select-runs.js";
import { CallCounter, fetchAll } from "./fetch-all.js";
import { fetchCatalog, fetchTestCandidates, type PlannerClient } from "./fetch-catalog.js";
import { describeMatchFailure, matchEntity } from "./match-entity.js";
import { assignSequences } from "./assign-sequences.js";
import { resolveTargets, type Resolution } from "./resolve-targets.js";
import type { DesiredRun, ResolveCalls, ResolvedPlan } from "./resolved-plan.js";
import { runIdentity } from "./run-identity.js";

/** Options for {@link resolvePlan}. */
export interface ResolvePlanOptions {
  /** Resolve only the runs this selects (fewer names to look up). */
  selection?: Selection;
}

/** A resolved plan, or every problem found (with the calls made either way). */
export type ResolvePlanResult =
  | { ok: true; resolved: ResolvedPlan; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[]; calls: ResolveCalls };

/**
 * Resolves a loaded plan against QAComplete: every name to exactly one active entity, every run
 * routed to a host, each with its stable identity. Each entity kind is fetched once for the
 * whole plan (large pages, batched searches), never per entry. Mistakes (unknown, ambiguous or
 * inactive names) come back as diagnostics with "did you mean" candidates; network and auth
 * failures throw the client's `QacError`.
 *
 * @example
 * ```ts
 * const loaded = await loadPlan("examples/plans/smoke.yaml");
 * if (loaded.ok) {
 *   const result = await resolvePlan(loaded.plan, createClient({ baseUrl, username, password }));
 *   if (result.ok) console.log(result.resolved.runs.map((r) => r.identityKey));
 * }
 * ```
 */
export async function resolvePlan(plan: Plan, client: PlannerClient, options: ResolvePlanOptions = {}): Promise<ResolvePlanResult> {
  const counter = new CallCounter();
  const calls = (minimum: number): ResolveCalls => ({ total: counter.total, byKind: { ...counter.byKind }, minimum });
  const selected = selectRuns(plan.runs, options.selection, plan.file);
  const diagnostics = [...selected.diagnostics];
  if (hasErrors(diagnostics)) return { ok: false, diagnostics, calls: calls(0) };

  const projects = await fetchAll("projects", counter, (offset, limit) => client.projects.list({ offset, limit }));
  const candidates = projects.map((p) => ({ id: Number(p.id), title: p.proj_name, active: p.is_active !== false }));
  const project = matchEntity(plan.project.ref, candidates);
  if (!project.ok) {
    diagnostics.push(diagnosticAt(plan.project.origin, project.reason === "missing" ? "PLAN_NOT_FOUND" : project.reason === "ambiguous" ? "PLAN_AMBIGUOUS" : "PLAN_INACTIVE", `${describeMatchFailure("project", plan.project.ref, project)} (projects you can access: ${candidates.length})`));
    return { ok: false, diagnostics, calls: calls(1) };
  }
  const projectId = toProjectId(project.entity.id);
  const used = usedNames(plan, selected.runs);
  const catalog = await fetchCatalog(client, projectId, {
    configurations: used.configurations.size > 0,
    releases: used.releases.size > 0,
    testSets: [...used.entries].some((i) => plan.entries[i]!.kind === "testSet"),
    tests: [...used.entries].filter((i) => plan.entries[i]!.kind === "test").map((i) => plan.entries[i]!.ref),
    hostNames: [...used.hosts].flatMap((h) => {
      const ref = plan.hosts[h]!.ref;
      const name = typeof ref === "string" ? ref : typeof ref === "object" && "name" in ref ? ref.name : null;
      return name === null ? [] : [name];
    }),
  }, counter);
  const resolution = resolveTargets(plan, used, catalog);
  if (resolution.diagnostics.some((d) => d.code === "PLAN_NOT_FOUND" && d.message.startsWith("test ")))
    // Suggest near names: only now list tests (capped), since a plan normally names tests exactly.
    await suggestTests(plan, client, projectId, counter, used.entries, resolution);
  diagnostics.push(...resolution.diagnostics);
  const runs = buildRuns(plan, projectId, selected.runs, resolution, diagnostics);
  const minimum = 1 + catalog.minimum;
  if (hasErrors(diagnostics)) return { ok: false, diagnostics, calls: calls(minimum) };
  return { ok: true, resolved: { version: 1, file: plan.file, files: plan.files, project: { id: projectId, name: project.entity.title }, runs, calls: calls(minimum) }, diagnostics };
}

function usedNames(plan: Plan, runs: readonly PlannedRun[]) {
  const used = { configurations: new Set<string>(), releases: new Set<string>(), hosts: new Set<string>(), entries: new Set<number>() };
  let pending = false;
  for (const run of runs) {
    if (run.configuration) used.configurations.add(run.configuration);
    if (run.release) used.releases.add(run.release);
    if (run.host) used.hosts.add(run.host);
    if (run.hostSource === "pending") pending = true;
    used.entries.add(run.entryIndex);
  }
  // Folder rules are decided online: any rule host (or the fallback) may be needed.
  if (pending) for (const h of [...plan.routing.rules.map((r) => r.host), plan.routing.fallback?.host]) if (h) used.hosts.add(h);
  return used;
}

async function suggestTests(plan: Plan, client: PlannerClient, projectId: ProjectId, counter: CallCounter, entries: Set<number>, resolution: Resolution): Promise<void> {
  const all = (await fetchTestCandidates(client, projectId, counter)).map((t) => ({ id: Number(t.id), title: t.title, active: t.active !== false }));
  resolution.diagnostics = resolution.diagnostics.map((d) => {
    const index = [...entries].find((i) => plan.entries[i]!.refOrigin.path === d.path && plan.entries[i]!.kind === "test");
    if (index === undefined || d.code !== "PLAN_NOT_FOUND") return d;
    const entry = plan.entries[index]!;
    const m = matchEntity(entry.ref, all);
    return m.ok ? d : { ...d, message: describeMatchFailure("test", entry.ref, m) };
  });
}

function buildRuns(plan: Plan, projectId: ProjectId, selected: readonly PlannedRun[], r: Resolution, diagnostics: Diagnostic[]): DesiredRun[] {
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
      hostName = routeHost(plan.routing, { kind: run.kind, configuration: run.configuration, names, labels: run.labels, folder: target.folder ?? "" }).host;
    }
    const host = hostName === null ? null : r.hosts.get(hostName);
    if (host === undefined || (hostName !== null && host === null)) continue;
    if (configuration === null && run.configuration !== null) continue;
    if (release === null && run.release !== null) continue;
    if (!host && !entry.manual && target.automated) {
      if (!hostless.has(run.entryIndex))
        diagnostics.push(diagnosticAt(entry.origin, "PLAN_NO_HOST", `${entry.kind === "test" ? "test" : "test set"} ${JSON.stringify(target.title)} is automated but entry ${JSON.stringify(entry.key)} gets no host${run.configuration ? ` for ${run.configuration}` : ""}; add \`host:\`, a routing rule or \`routing.fallback\``));
      hostless.add(run.entryIndex);
      continue;
    }
    const parts = { projectId, kind: run.kind, targetId: target.id, configurationId: configuration?.id ?? null, releaseId: release?.id ?? null, hostId: host?.id ?? null };
    const { identity, identityKey } = runIdentity(parts);
    const isSequential = entry.sequential ?? (run.kind === "testSet" && target.isSequential);
    const target_ = run.kind === "test" ? { TestId: target.id as TestId } : { TestSetId: target.id as TestSetId };
    const body: CreateTestRunBody = { ...target_, IsSequential: isSequential, ForceNewRunCreation: entry.forceNewRun };
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
      diagnostics.push(diagnosticAt(run.origin, "PLAN_DUPLICATE_RUN", `run ${run.key} is the same run as ${first.runKey} (${first.origin.file}:${first.origin.line}): ${identityKey}; remove one, or change its configuration, release or host`));
      continue;
    }
    byIdentity.set(identity, desired);
    runs.push(desired);
  }
  assignSequences(runs, plan);
  return runs;
}
