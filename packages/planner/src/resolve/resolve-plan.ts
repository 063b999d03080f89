import { toProjectId, type ProjectId } from "@qac/core";
import { diagnosticAt } from "../diagnostic-at.js";
import { hasErrors, type Diagnostic } from "../errors.js";
import type { Plan, PlannedRun } from "../plan.js";
import { selectRuns, type Selection } from "../select/select-runs.js";
import { CallCounter, fetchAll } from "./fetch-all.js";
import { fetchCatalog, fetchTestCandidates, type PlannerClient } from "./fetch-catalog.js";
import { describeMatchFailure, matchEntity } from "./match-entity.js";
import { buildRuns } from "./build-runs.js";
import { resolveTargets, type Resolution } from "./resolve-targets.js";
import type { ResolveCalls, ResolvedPlan } from "./resolved-plan.js";

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
export async function resolvePlan(
  plan: Plan,
  client: PlannerClient,
  options: ResolvePlanOptions = {},
): Promise<ResolvePlanResult> {
  const counter = new CallCounter();
  const calls = (minimum: number): ResolveCalls => ({ total: counter.total, byKind: { ...counter.byKind }, minimum });
  const selected = selectRuns(plan.runs, options.selection, plan.file);
  const diagnostics = [...selected.diagnostics];
  if (hasErrors(diagnostics)) return { ok: false, diagnostics, calls: calls(0) };

  const projects = await fetchAll("projects", counter, (offset, limit) => client.projects.list({ offset, limit }));
  const candidates = projects.map((p) => ({ id: Number(p.id), title: p.proj_name, active: p.is_active !== false }));
  const project = matchEntity(plan.project.ref, candidates);
  if (!project.ok) {
    diagnostics.push(
      diagnosticAt(
        plan.project.origin,
        project.reason === "missing"
          ? "PLAN_NOT_FOUND"
          : project.reason === "ambiguous"
            ? "PLAN_AMBIGUOUS"
            : "PLAN_INACTIVE",
        `${describeMatchFailure("project", plan.project.ref, project)} (projects you can access: ${candidates.length})`,
      ),
    );
    return { ok: false, diagnostics, calls: calls(1) };
  }
  const projectId = toProjectId(project.entity.id);
  const used = usedNames(plan, selected.runs);
  const catalog = await fetchCatalog(
    client,
    projectId,
    {
      configurations: used.configurations.size > 0,
      releases: used.releases.size > 0,
      testSets: [...used.entries].some((i) => plan.entries[i]!.kind === "testSet"),
      tests: [...used.entries].filter((i) => plan.entries[i]!.kind === "test").map((i) => plan.entries[i]!.ref),
      hostNames: [...used.hosts].flatMap((h) => {
        const ref = plan.hosts[h]!.ref;
        const name = typeof ref === "string" ? ref : typeof ref === "object" && "name" in ref ? ref.name : null;
        return name === null ? [] : [name];
      }),
    },
    counter,
  );
  const resolution = resolveTargets(plan, used, catalog);
  if (resolution.missingTests.length > 0)
    // Suggest near names: only now list tests (capped), since a plan normally names tests exactly.
    await suggestTests(plan, client, projectId, counter, resolution);
  for (const item of resolution.diagnostics) diagnostics.push(item);
  const runs = buildRuns(plan, projectId, selected.runs, resolution, diagnostics);
  const minimum = 1 + catalog.minimum;
  if (hasErrors(diagnostics)) return { ok: false, diagnostics, calls: calls(minimum) };
  return {
    ok: true,
    resolved: {
      version: 1,
      file: plan.file,
      files: plan.files,
      project: { id: projectId, name: project.entity.title },
      runs,
      plannedRunKeys: selected.runs.map((r) => r.key),
      calls: calls(minimum),
    },
    diagnostics,
  };
}

function usedNames(plan: Plan, runs: readonly PlannedRun[]) {
  const used = {
    configurations: new Set<string>(),
    releases: new Set<string>(),
    hosts: new Set<string>(),
    entries: new Set<number>(),
  };
  let pending = false;
  for (const run of runs) {
    if (run.configuration) used.configurations.add(run.configuration);
    if (run.release) used.releases.add(run.release);
    if (run.host) used.hosts.add(run.host);
    if (run.hostSource === "pending") pending = true;
    used.entries.add(run.entryIndex);
  }
  // Folder rules are decided online: any rule host (or the fallback) may be needed.
  if (pending)
    for (const h of [...plan.routing.rules.map((r) => r.host), plan.routing.fallback?.host]) if (h) used.hosts.add(h);
  return used;
}

async function suggestTests(
  plan: Plan,
  client: PlannerClient,
  projectId: ProjectId,
  counter: CallCounter,
  resolution: Resolution,
): Promise<void> {
  const all = (await fetchTestCandidates(client, projectId, counter)).map((t) => ({
    id: Number(t.id),
    title: t.title,
    active: t.active !== false,
  }));
  resolution.diagnostics = resolution.diagnostics.map((d) => {
    const index = resolution.missingTests.find((i) => plan.entries[i]!.refOrigin.path === d.path);
    if (index === undefined || d.code !== "PLAN_NOT_FOUND") return d;
    const entry = plan.entries[index]!;
    const m = matchEntity(entry.ref, all);
    return m.ok ? d : { ...d, message: describeMatchFailure("test", entry.ref, m) };
  });
}
