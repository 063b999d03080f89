import { toHostId, type Test, type TestSet } from "@qac/core";
import type { EntityRef } from "@qac/schemas";
import { diagnosticAt } from "../diagnostic-at.js";
import type { Diagnostic } from "../errors.js";
import type { Definition, Plan } from "../plan.js";
import type { Catalog } from "./fetch-catalog.js";
import { describeMatchFailure, indexEntities, matchEntity, refKey, type Matchable } from "./match-entity.js";
import { buildReleaseTree, matchRelease, showPath, type ReleaseNode } from "./release-tree.js";
import type { ResolvedConfiguration, ResolvedHost, ResolvedRelease } from "./resolved-plan.js";

/** A test or test set as resolved. */
interface Target extends Matchable {
  folder: string | null;
  automated: boolean;
  isSequential: boolean;
}

/** Short names and entries mapped to QAComplete entities (null where resolution failed). */
export interface Resolution {
  configurations: Map<string, ResolvedConfiguration | null>;
  releases: Map<string, ResolvedRelease | null>;
  hosts: Map<string, ResolvedHost | null>;
  targets: Map<number, Target | null>;
  /** Entries (indexes into `plan.entries`) whose test matched nothing: "did you mean" looks at the test list. */
  missingTests: number[];
  diagnostics: Diagnostic[];
}

const automated = (type: string | undefined) => !/^manual$/i.test(type ?? "");

function asTarget(e: Test | TestSet): Target {
  const set = e as TestSet;
  return {
    id: Number(e.id),
    title: e.title,
    active: "active" in e ? e.active !== false : set.is_active !== false,
    folder: e.folder_name ?? null,
    automated: automated(e.execution_type),
    isSequential: set.is_sequential === true,
  };
}

/** Resolves every short name and entry target used by the selected runs. */
export function resolveTargets(
  plan: Plan,
  used: { configurations: Set<string>; releases: Set<string>; hosts: Set<string>; entries: Set<number> },
  catalog: Catalog,
): Resolution {
  const diagnostics: Diagnostic[] = [];
  const fail = (
    def: { origin: Definition<unknown>["origin"] },
    message: string,
    code: "PLAN_NOT_FOUND" | "PLAN_AMBIGUOUS" | "PLAN_INACTIVE",
  ) => diagnostics.push(diagnosticAt(def.origin, code, message));
  const codeOf = { missing: "PLAN_NOT_FOUND", ambiguous: "PLAN_AMBIGUOUS", inactive: "PLAN_INACTIVE" } as const;

  const configs = indexEntities(
    catalog.configurations.map((c) => ({ id: Number(c.id), title: c.title, active: c.is_active !== false, c })),
  );
  const configurations = new Map<string, ResolvedConfiguration | null>();
  for (const name of used.configurations) {
    const def = plan.configurations[name]!;
    const m = matchEntity(def.ref, configs);
    configurations.set(name, m.ok ? { name, id: m.entity.c.id, title: m.entity.title } : null);
    if (!m.ok) fail(def, describeMatchFailure(`configuration ${JSON.stringify(name)}:`, def.ref, m), codeOf[m.reason]);
  }

  const tree: ReleaseNode[] = buildReleaseTree(catalog.releases);
  const releases = new Map<string, ResolvedRelease | null>();
  for (const name of used.releases) {
    const def = plan.releases[name]!;
    const m = matchRelease(def.ref, tree);
    releases.set(
      name,
      m.ok ? { name, id: m.entity.release.id, title: m.entity.title, path: showPath(m.entity.path) } : null,
    );
    if (!m.ok)
      fail(def, describeMatchFailure(`release ${JSON.stringify(name)}:`, def.ref as EntityRef, m), codeOf[m.reason]);
    else if (m.entity.closed !== null)
      diagnostics.push(
        diagnosticAt(
          def.origin,
          "PLAN_RELEASE_CLOSED",
          `release ${JSON.stringify(name)}: ${JSON.stringify(showPath(m.entity.path))} is in a closed release ` +
            `(${m.entity.closed}); runs can be started, but they count for a closed release: pick an open one if ` +
            `that is not meant`,
          "warning",
        ),
      );
  }

  const hosts = new Map<string, ResolvedHost | null>();
  for (const name of used.hosts) {
    const def = plan.hosts[name]!;
    const key = refKey(def.ref);
    // A host given by id is used as is: checking it needs the host's own token (§9), which a user lacks.
    if ("id" in key) {
      hosts.set(name, { name, id: toHostId(key.id), hostName: null });
      continue;
    }
    const host = catalog.hosts.get(key.name) ?? null;
    if (!host)
      fail(
        def,
        `host ${JSON.stringify(name)}: no test host named ${JSON.stringify(key.name)} is registered; check the name ` +
          `in QAComplete's Test Hosts (the API cannot list hosts, so no suggestions)`,
        "PLAN_NOT_FOUND",
      );
    else if (host.is_active === false)
      fail(
        def,
        `host ${JSON.stringify(name)}: test host ${JSON.stringify(host.host_name)} (id ${host.id}) is inactive and ` +
          `cannot run tests; activate it or route to another host`,
        "PLAN_INACTIVE",
      );
    hosts.set(name, host && host.is_active !== false ? { name, id: host.id, hostName: host.host_name } : null);
  }

  const tests = indexEntities(catalog.tests.map(asTarget));
  const sets = indexEntities(catalog.testSets.map(asTarget));
  const targets = new Map<number, Target | null>();
  const missingTests: number[] = [];
  for (const index of used.entries) {
    const entry = plan.entries[index]!;
    const m = matchEntity(entry.ref, entry.kind === "test" ? tests : sets);
    targets.set(index, m.ok ? m.entity : null);
    if (!m.ok && m.reason === "missing" && entry.kind === "test") missingTests.push(index);
    if (!m.ok)
      diagnostics.push(
        diagnosticAt(
          entry.refOrigin,
          codeOf[m.reason],
          describeMatchFailure(entry.kind === "test" ? "test" : "test set", entry.ref, m),
        ),
      );
  }
  return { configurations, releases, hosts, targets, missingTests, diagnostics };
}
