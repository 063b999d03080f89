import type { ProjectId, QacClient, Release } from "@qac/core";
import { CliError } from "../errors.js";

/** What `qac init` reads from QAComplete to fill a starter plan with the project's real names. */
export interface InitCatalog {
  project: { id: number; name: string };
  /** Titles of the active test configurations, by id. */
  configurations: string[];
  /** Paths (`Release / Iteration / Build`) of the active releases, newest first. */
  releases: string[];
  /** Test hosts of the project's most recent runs, newest first. */
  hosts: string[];
  /** Titles of the active test sets, by id. */
  testSets: string[];
  /** Titles of the first tests (for a project without test sets). */
  tests: string[];
}

const LIMIT = 100;

async function findProject(client: QacClient, ref: string | number): Promise<{ id: number; name: string }> {
  const projects: { id: number; name: string }[] = [];
  for await (const p of client.projects.iterate()) projects.push({ id: Number(p.id), name: p.proj_name });
  const wanted = String(ref).toLowerCase();
  const found =
    projects.find((p) => p.id === Number(ref) || p.name === ref) ??
    projects.find((p) => p.name.toLowerCase() === wanted);
  if (found) return found;
  const some = projects.slice(0, 10).map((p) => `${p.name} (${p.id})`);
  throw new CliError(
    "CLI_USAGE",
    `no project ${JSON.stringify(ref)} that ${client.username} can see; ` +
      `${some.length ? `projects: ${some.join(", ")}` : "the user sees no project"}.`,
  );
}

/** `Release / Iteration / Build` of each release, by following parent ids. */
function releasePaths(releases: readonly Release[]): Map<number, string> {
  const byId = new Map(releases.map((r) => [Number(r.id), r]));
  const paths = new Map<number, string>();
  for (const r of releases) {
    const titles: string[] = [];
    for (let at: Release | undefined = r; at && titles.length < 10; at = byId.get(Number(at.parent_id ?? 0)))
      titles.unshift(at.title);
    paths.set(Number(r.id), titles.join(" / "));
  }
  return paths;
}

/**
 * Reads the names a starter plan needs: the project (by id or name), its active configurations,
 * open releases and active test sets, and the hosts of its latest runs (QAComplete lists no hosts by project).
 * Reads one page of each, so it stays quick on a large project.
 */
export async function readCatalog(client: QacClient, ref: string | number): Promise<InitCatalog> {
  const project = await findProject(client, ref);
  const pid = project.id as ProjectId;
  const active = <T extends { is_active?: boolean }>(rows: T[]) => rows.filter((r) => r.is_active !== false);
  const [configurations, releases, testSets, tests, runCount] = await Promise.all([
    client.configurations.list(pid, { limit: LIMIT }),
    client.releases.list(pid, { limit: LIMIT }),
    client.testSets.list(pid, { limit: LIMIT }),
    client.tests.list(pid, { limit: 10 }),
    client.testRuns.list(pid, { limit: 1 }),
  ]);
  const recent = await client.testRuns.list(pid, { offset: Math.max(0, runCount.total - LIMIT), limit: LIMIT });
  const paths = releasePaths(releases.results);
  const byId = <T extends { id: unknown }>(rows: T[]) => [...rows].sort((a, b) => Number(a.id) - Number(b.id));
  return {
    project,
    configurations: byId(active(configurations.results)).map((c) => c.title),
    // Open ones, builds before iterations before releases, newest first: what a run is likely for.
    releases: byId(active(releases.results).filter((r) => !/^closed/i.test(r.status_code ?? "")))
      .reverse()
      .map((r) => paths.get(Number(r.id))!)
      .sort((a, b) => b.split(" / ").length - a.split(" / ").length),
    hosts: [...new Set([...recent.results].reverse().flatMap((r) => (r.test_host ? [r.test_host] : [])))],
    testSets: byId(active(testSets.results)).map((s) => s.title),
    tests: byId(tests.results).map((t) => t.title),
  };
}
