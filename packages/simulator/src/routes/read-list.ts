import type { FastifyRequest } from "fastify";
import { compileFilter, type CompiledFilter } from "../filter/compile-filter.js";
import type { EntityFields } from "../filter/resolve-field.js";
import { readListQuery, type ListQuery } from "../http/list-query.js";
import type { Runtime } from "../runtime.js";

/** A list request, read: paging (within the page cap) and the compiled filter. */
export interface ListRequest {
  query: ListQuery;
  /** Undefined without a filter, or for a list that does not filter. */
  filter: CompiledFilter | undefined;
}

/**
 * Reads a list request. Every list route goes through here, so the page cap (`maxPageSize`) holds
 * for all of them, and so do the strict filter rules (reference §13). A `POST .../search` body's
 * `Filter` counts like the query's.
 * @param fields the entity's filterable fields; without them a `Filter` is ignored (lists the
 *   reference documents no filter for, e.g. `currentruns`)
 * @throws FilterError for a filter that does not parse, names an unknown field, or (`strictFilters`)
 *   uses an undocumented form (answered as 400)
 */
export function readList(rt: Runtime, request: FastifyRequest, fields?: EntityFields): ListRequest {
  const query = readListQuery(request.query, { body: request.body, maxPageSize: rt.strictness.maxPageSize });
  const strict = rt.strictness.strictFilters;
  const filter =
    fields === undefined || query.filter === undefined ? undefined : compileFilter(query.filter, fields, { strict });
  return { query, filter };
}
