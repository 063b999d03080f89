import {
  filter,
  type Filter,
  type ProjectId,
  type QacClient,
  type Test,
  type TestConfiguration,
  type TestHost,
  type TestSet,
  type Release,
} from "@qac/core";
import type { EntityRef } from "@qac/schemas";
import type { CallCounter } from "./fetch-all.js";
import { fetchAll, PAGE_SIZE } from "./fetch-all.js";
import { refKey } from "./match-entity.js";

/** The parts of the client the planner uses (a full `QacClient` fits). */
export type PlannerClient = Pick<
  QacClient,
  "projects" | "tests" | "testSets" | "configurations" | "releases" | "hosts"
>;

/** What a plan needs from one kind of entity. */
export interface Wanted {
  configurations: boolean;
  releases: boolean;
  testSets: boolean;
  tests: EntityRef[];
  /** Host names to look up (hosts given by id need no call). */
  hostNames: string[];
}

/** Everything fetched for resolving one plan. */
export interface Catalog {
  configurations: TestConfiguration[];
  releases: Release[];
  testSets: TestSet[];
  tests: Test[];
  /** Looked-up hosts by the name asked for (null: no such host). */
  hosts: Map<string, TestHost | null>;
  /** Minimum requests for the same data. */
  minimum: number;
}

/** Test names and ids per search request; keeps each POST body small. */
const TEST_TERMS_PER_SEARCH = 200;

/** Search filters for the wanted tests: `(Id in {...}) OR (Title = '...') OR ...`, chunked. */
function testSearchFilters(refs: readonly EntityRef[]): Filter[] {
  const ids = new Set<number>();
  const names = new Set<string>();
  for (const ref of refs) {
    const key = refKey(ref);
    if ("id" in key) ids.add(key.id);
    else names.add(key.name);
  }
  const terms: Filter[] = [...names].map((n) => filter.eq("Title", n));
  const idList = [...ids];
  const out: Filter[] = [];
  for (let i = 0; i < idList.length; i += TEST_TERMS_PER_SEARCH)
    out.push(filter.in("Id", idList.slice(i, i + TEST_TERMS_PER_SEARCH)));
  for (let i = 0; i < terms.length; i += TEST_TERMS_PER_SEARCH)
    out.push(filter.or(...terms.slice(i, i + TEST_TERMS_PER_SEARCH)));
  return out;
}

/**
 * Fetches each entity kind the plan needs once, in parallel: configurations, releases and test
 * sets as whole lists in large pages, tests by batched search (or by listing, when that takes
 * fewer requests), hosts by name (the API has no host list: one lookup per distinct name, §9).
 */
export async function fetchCatalog(
  client: PlannerClient,
  projectId: ProjectId,
  wanted: Wanted,
  counter: CallCounter,
): Promise<Catalog> {
  const [configurations, releases, testSets, tests, hostList] = await Promise.all([
    wanted.configurations
      ? fetchAll("configurations", counter, (offset, limit) => client.configurations.list(projectId, { offset, limit }))
      : [],
    wanted.releases
      ? fetchAll("releases", counter, (offset, limit) => client.releases.list(projectId, { offset, limit }))
      : [],
    wanted.testSets
      ? fetchAll("testSets", counter, (offset, limit) => client.testSets.list(projectId, { offset, limit }))
      : [],
    fetchTests(client, projectId, wanted.tests, counter),
    Promise.all(
      wanted.hostNames.map(async (name) => {
        counter.add("hosts");
        return [name, await client.hosts.findByName(name)] as const;
      }),
    ),
  ]);
  const pages = (n: number) => Math.max(1, Math.ceil(n / PAGE_SIZE));
  const minimum =
    (wanted.configurations ? pages(configurations.length) : 0) +
    (wanted.releases ? pages(releases.length) : 0) +
    (wanted.testSets ? pages(testSets.length) : 0) +
    tests.minimum +
    wanted.hostNames.length;
  return { configurations, releases, testSets, tests: tests.rows, hosts: new Map(hostList), minimum };
}

/**
 * Tests by name or id. One search per {@link TEST_TERMS_PER_SEARCH} names; when that would be
 * several searches, the first page of the full list (which tells the total) decides whether
 * listing everything takes fewer requests than searching for the rest.
 */
async function fetchTests(
  client: PlannerClient,
  projectId: ProjectId,
  refs: readonly EntityRef[],
  counter: CallCounter,
): Promise<{ rows: Test[]; minimum: number }> {
  const searches = testSearchFilters(refs);
  const search = async (filters: Filter[]) =>
    (
      await Promise.all(
        filters.map((f) =>
          fetchAll("tests", counter, (offset, limit) => client.tests.search(projectId, f, { offset, limit })),
        ),
      )
    ).flat();
  if (searches.length <= 1) return { rows: await search(searches), minimum: searches.length };
  counter.add("tests");
  const first = await client.tests.list(projectId, { offset: 0, limit: PAGE_SIZE });
  const listPages = Math.max(1, Math.ceil(first.total / PAGE_SIZE));
  const minimum = Math.min(listPages, searches.length);
  if (listPages - 1 <= searches.length) {
    // The first page is in hand: read the rest of the list after it, the remaining pages together.
    const list = (offset: number, limit: number) => client.tests.list(projectId, { offset, limit });
    return { rows: await fetchAll("tests", counter, list, { first }), minimum };
  }
  const found = new Set(first.results.flatMap((t) => [`id:${Number(t.id)}`, `name:${t.title}`]));
  const missing = refs.filter((r) => {
    const k = refKey(r);
    return !found.has("id" in k ? `id:${k.id}` : `name:${k.name}`);
  });
  return { rows: [...first.results, ...(await search(testSearchFilters(missing)))], minimum };
}

/** When a wanted test is missing: one more listing (capped) to suggest near names. */
export async function fetchTestCandidates(
  client: PlannerClient,
  projectId: ProjectId,
  counter: CallCounter,
): Promise<Test[]> {
  // A sample for "did you mean": the first 5,000 tests, not the whole library.
  const sample = 5 * PAGE_SIZE;
  return fetchAll("tests", counter, (offset, limit) => client.tests.list(projectId, { offset, limit }), {
    maxRows: sample,
  });
}
