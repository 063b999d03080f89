import type { SeedProblem } from "../errors.js";
import type { SeedDocument, SeedRelease } from "./seed-document.js";
import { checkAgents } from "./check-agents.js";
import { checkChoices } from "./check-choices.js";
import { seedShape } from "./seed-shape.js";

/** Result of validating a seed: the typed document, or every problem found. */
export type SeedValidation = { ok: true; seed: SeedDocument } | { ok: false; problems: SeedProblem[] };

/**
 * Checks a parsed seed: its shape first, then that ids are unique and every reference (test ids of
 * set items, run targets, users, hosts, releases, rights keys) points at something that exists,
 * that agents are known ones and that outcomes and custom fields fit the project's choices.
 */
export function validateSeed(value: unknown): SeedValidation {
  const problems: SeedProblem[] = [];
  seedShape(value, "", problems);
  if (problems.length > 0) return { ok: false, problems };
  const seed = value as SeedDocument;
  checkReferences(seed, problems);
  checkAgents(seed, problems);
  checkChoices(seed, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, seed };
}

function unique(kind: string, entries: { id: number; path: string }[], problems: SeedProblem[]): Set<number> {
  const seen = new Map<number, string>();
  for (const { id, path } of entries) {
    const first = seen.get(id);
    if (first !== undefined)
      problems.push({ path: `${path}/id`, message: `duplicate ${kind} id ${id} (first used at ${first})` });
    else seen.set(id, path);
  }
  return new Set(seen.keys());
}

/** `{ id, path }` of each item of a seed list found at `path` (e.g. `/users`). */
function located(items: readonly { id: number }[] | undefined, path: string): { id: number; path: string }[] {
  return (items ?? []).map((item, i) => ({ id: item.id, path: `${path}/${i}` }));
}

function flattenReleases(releases: SeedRelease[], path: string): { id: number; path: string }[] {
  return releases.flatMap((r, i) => [
    { id: r.id, path: `${path}/${i}` },
    ...flattenReleases(r.children ?? [], `${path}/${i}/children`),
  ]);
}

function checkReferences(seed: SeedDocument, problems: SeedProblem[]): void {
  const ref = (ok: boolean, path: string, message: string) => {
    if (!ok) problems.push({ path, message });
  };
  if (seed.clock_start !== undefined)
    ref(
      !Number.isNaN(Date.parse(seed.clock_start)),
      "/clock_start",
      `'${seed.clock_start}' is not an ISO date-time like 2026-12-01T09:00:00Z`,
    );
  const departments = unique("department", located(seed.departments, "/departments"), problems);
  const users = unique("user", located(seed.users, "/users"), problems);
  const hosts = unique("host", located(seed.hosts, "/hosts"), problems);
  const projects = unique("project", located(seed.projects, "/projects"), problems);
  const emails = new Map<string, number>();
  seed.users.forEach((u, i) => {
    const key = u.email.toLowerCase();
    ref(!emails.has(key), `/users/${i}/email`, `duplicate e-mail ${u.email} (logins must be unique)`);
    emails.set(key, i);
    for (const projectId of Object.keys(u.rights ?? {}))
      ref(projects.has(Number(projectId)), `/users/${i}/rights/${projectId}`, `no project with id ${projectId}`);
  });
  seed.hosts?.forEach((h, i) => {
    if (h.dept_id !== undefined)
      ref(departments.has(h.dept_id), `/hosts/${i}/dept_id`, `no department with id ${h.dept_id}`);
  });
  // Ids are unique across projects, like QAComplete's database ids.
  const inProjects = (
    list: (p: SeedDocument["projects"][number]) => readonly { id: number }[] | undefined,
    key: string,
  ) => seed.projects.flatMap((p, pi) => located(list(p), `/projects/${pi}/${key}`));
  unique(
    "test",
    inProjects((p) => p.tests, "tests"),
    problems,
  );
  unique(
    "test set",
    inProjects((p) => p.test_sets, "test_sets"),
    problems,
  );
  unique(
    "configuration",
    inProjects((p) => p.configurations, "configurations"),
    problems,
  );
  unique(
    "release",
    seed.projects.flatMap((p, pi) => flattenReleases(p.releases ?? [], `/projects/${pi}/releases`)),
    problems,
  );
  unique(
    "run",
    inProjects((p) => p.runs, "runs"),
    problems,
  );

  seed.projects.forEach((p, pi) => {
    const base = `/projects/${pi}`;
    if (p.dept_id !== undefined)
      ref(departments.has(p.dept_id), `${base}/dept_id`, `no department with id ${p.dept_id}`);
    const tests = new Set((p.tests ?? []).map((t) => t.id));
    const sets = new Set((p.test_sets ?? []).map((s) => s.id));
    const configs = new Set((p.configurations ?? []).map((c) => c.id));
    const releases = new Set(flattenReleases(p.releases ?? [], "").map((r) => r.id));
    p.tests?.forEach((t, i) => {
      if (t.default_host_id !== undefined)
        ref(hosts.has(t.default_host_id), `${base}/tests/${i}/default_host_id`, `no host with id ${t.default_host_id}`);
    });
    p.test_sets?.forEach((s, si) =>
      s.items.forEach((item, ii) => {
        const path = `${base}/test_sets/${si}/items/${ii}`;
        ref(tests.has(item.test_id), `${path}/test_id`, `no test with id ${item.test_id} in project ${p.id}`);
        if (item.default_host_id !== undefined)
          ref(hosts.has(item.default_host_id), `${path}/default_host_id`, `no host with id ${item.default_host_id}`);
      }),
    );
    p.runs?.forEach((r, ri) => {
      const path = `${base}/runs/${ri}`;
      ref(r.test_id !== undefined || r.test_set_id !== undefined, path, "a run needs test_id or test_set_id");
      if (r.test_id !== undefined)
        ref(tests.has(r.test_id), `${path}/test_id`, `no test with id ${r.test_id} in project ${p.id}`);
      if (r.test_set_id !== undefined)
        ref(sets.has(r.test_set_id), `${path}/test_set_id`, `no test set with id ${r.test_set_id} in project ${p.id}`);
      if (r.test_config_id !== undefined)
        ref(
          configs.has(r.test_config_id),
          `${path}/test_config_id`,
          `no configuration with id ${r.test_config_id} in project ${p.id}`,
        );
      if (r.release_id !== undefined)
        ref(releases.has(r.release_id), `${path}/release_id`, `no release with id ${r.release_id} in project ${p.id}`);
      if (r.host_id !== undefined) ref(hosts.has(r.host_id), `${path}/host_id`, `no host with id ${r.host_id}`);
      ref(users.has(r.run_by_user_id), `${path}/run_by_user_id`, `no user with id ${r.run_by_user_id}`);
    });
  });
}
