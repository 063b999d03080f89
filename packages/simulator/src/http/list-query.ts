import { badRequest } from "./http-error.js";

/** Paging and filter parameters of a list request. */
export interface ListQuery {
  offset: number;
  limit: number;
  filter: string | undefined;
}

/**
 * Reads a query parameter ignoring the case of its name: `Filter`, `filter` and `FILTER` are the
 * same (ASP.NET-style binding, reference §2.4, UNCONFIRMED).
 */
export function queryParam(query: unknown, name: string): string | undefined {
  if (typeof query !== "object" || query === null) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    if (key.toLowerCase() !== wanted) continue;
    const first: unknown = Array.isArray(value) ? value[0] : value;
    return typeof first === "string" ? first : undefined;
  }
  return undefined;
}

function wholeNumber(query: unknown, name: string, fallback: number): number {
  const raw = queryParam(query, name);
  if (raw === undefined || raw === "") return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw badRequest(`Query parameter '${name}' must be a whole number, got '${raw}'`);
  const value = Number(raw);
  // No maximum is documented; negative values are refused (reference §11.12).
  if (value < 0) throw badRequest(`Query parameter '${name}' must be 0 or more, got ${value}`);
  // Beyond this the number cannot be echoed in `result_set` exactly (JSON clients read doubles).
  if (!Number.isSafeInteger(value))
    throw badRequest(`Query parameter '${name}' must be at most ${Number.MAX_SAFE_INTEGER}, got '${raw}'`);
  return value;
}

/**
 * Reads `offset` (default 0), `limit` (default 25, 0 = totals only) and `Filter` (reference §2.3).
 * With `maxPageSize`, a larger `limit` is lowered to the cap: the server answers at most that many
 * rows and echoes the limit it used, like a server with an undocumented page maximum (reference §13).
 * @param options.body a `POST .../search` body, whose `Filter` wins over the query's
 */
export function readListQuery(query: unknown, options: { body?: unknown; maxPageSize?: number } = {}): ListQuery {
  const bodyFilter = queryParam(options.body, "filter");
  const filter = bodyFilter ?? queryParam(query, "filter");
  const limit = wholeNumber(query, "limit", 25);
  return {
    offset: wholeNumber(query, "offset", 0),
    limit: options.maxPageSize === undefined ? limit : Math.min(limit, options.maxPageSize),
    filter: filter === undefined || filter.trim() === "" ? undefined : filter,
  };
}

/** The list envelope every list GET answers with (reference §2.3). */
export function listEnvelope<T>(page: { rows: T[]; total: number }, query: ListQuery, acl: number) {
  return {
    metadata: {
      result_set: { count: page.rows.length, offset: query.offset, limit: query.limit, total: page.total },
      permissions: { acl },
    },
    results: page.rows,
  };
}
