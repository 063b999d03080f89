import { QacError } from "./errors.js";
import type { Route, RouteParams, RouteResponse } from "./endpoints.js";
import { checkCount, paginate, toPage, type IterateOptions, type ListOptions, type Page } from "./paginate.js";
import type { RequestFn } from "./request.js";
import type { ListEnvelope } from "./wire/envelope.js";
import type { ProjectId } from "./ids.js";
import type { IterateSearchOptions, ProjectResource, SearchOptions } from "./qac-client.js";

type ListRoute = { [K in Route]: RouteResponse<K> extends ListEnvelope<unknown> ? K : never }[Route];
type RowOf<K extends Route> = RouteResponse<K> extends ListEnvelope<infer T> ? T : never;
type PathOf<K extends Route> = RouteParams<K> extends { path: infer P } ? P : undefined;

/** Builds list/iterate for one list route; `path` is the route's path values. */
export function lister<K extends ListRoute>(request: RequestFn, pageSize: number, route: K) {
  const list = async (path: PathOf<K>, options: ListOptions = {}): Promise<Page<RowOf<K>>> => {
    const limit = checkCount("limit", options.limit ?? pageSize, 0);
    const query = { offset: checkCount("offset", options.offset ?? 0, 0), limit, Filter: checkFilter(options.filter) };
    const envelope = (await request(route, { path, query } as RouteParams<K>)) as ListEnvelope<RowOf<K>>;
    return toPage(envelope, limit);
  };
  // An async generator so that bad options reject on the first `next()` like every other call.
  async function* iterate(path: PathOf<K>, options: IterateOptions = {}): AsyncGenerator<RowOf<K>, void, undefined> {
    const filter = checkFilter(options.filter);
    yield* paginate((offset, limit) => list(path, { offset, limit, ...(filter === undefined ? {} : { filter }) }), {
      pageSize: options.pageSize ?? pageSize,
      offset: options.offset ?? 0,
    });
  }
  return { list, iterate };
}

/** Builds search/iterateSearch for a `POST .../search` route. */
export function searcher<
  K extends
    "POST /api/v2/projects/{ProjectId}/tests/search" | "POST /api/v2/projects/{ProjectId}/configurations/search",
>(request: RequestFn, pageSize: number, route: K) {
  const search = async (projectId: ProjectId, filter: string, options: SearchOptions = {}): Promise<Page<RowOf<K>>> => {
    const Filter = checkFilter(filter);
    if (Filter === undefined)
      throw new QacError("CORE_INVALID_ARGUMENT", "search needs a non-empty filter; use list() to read everything.");
    const limit = checkCount("limit", options.limit ?? pageSize, 0);
    const query = { offset: checkCount("offset", options.offset ?? 0, 0), limit };
    const envelope = (await request(route, {
      path: { ProjectId: projectId },
      query,
      body: { Filter },
    })) as ListEnvelope<RowOf<K>>;
    return toPage(envelope, limit);
  };
  const iterateSearch = (
    projectId: ProjectId,
    filter: string,
    options: IterateSearchOptions = {},
  ): AsyncGenerator<RowOf<K>, void, undefined> =>
    paginate((offset, limit) => search(projectId, filter, { offset, limit }), {
      pageSize: options.pageSize ?? pageSize,
      offset: options.offset ?? 0,
    });
  return { search, iterateSearch };
}

/** list/iterate/get of a route pair whose path is just `{ProjectId}` (+ `{Id}` for get). */
export function projectResource<L extends ListRoute, G extends Route, T, Id>(
  request: RequestFn,
  pageSize: number,
  listRoute: L,
  getRoute: G,
): ProjectResource<T, Id> {
  const { list, iterate } = lister(request, pageSize, listRoute);
  return {
    list: (projectId, options) => list({ ProjectId: projectId } as PathOf<L>, options) as Promise<Page<T>>,
    iterate: (projectId, options) =>
      iterate({ ProjectId: projectId } as PathOf<L>, options) as AsyncGenerator<T, void, undefined>,
    get: (projectId, id) =>
      request(getRoute, { path: { ProjectId: projectId, Id: id } } as RouteParams<G>) as Promise<T>,
  };
}

function checkFilter(filter: unknown): string | undefined {
  if (filter === undefined) return undefined;
  if (typeof filter !== "string")
    throw new QacError(
      "CORE_INVALID_ARGUMENT",
      `filter must be a string (build one with filter.eq(...)), got ${typeof filter}.`,
    );
  return filter.trim() === "" ? undefined : filter;
}
