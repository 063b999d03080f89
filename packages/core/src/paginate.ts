import { QacError } from "./errors.js";
import type { ListEnvelope } from "./wire/envelope.js";

/** One page of a list call. */
export interface Page<T> {
  results: T[];
  /** All items matching the filter (server's `total`). */
  total: number;
  offset: number;
  limit: number;
}

/** Options of every `list` call (one page). */
export interface ListOptions {
  /** Items to skip. @default 0 */
  offset?: number;
  /** Page size. @default the client's `pageSize` */
  limit?: number;
  /** Filter expression; build it with `filter`. */
  filter?: string;
}

/** Options of every `iterate` call. */
export interface IterateOptions {
  /** Rows per request. @default the client's `pageSize` (500) */
  pageSize?: number;
  filter?: string;
  /** Start at this offset. @default 0 */
  offset?: number;
}

/** Turns a list envelope into a {@link Page}. */
export function toPage<T>(envelope: ListEnvelope<T>, requestedLimit: number): Page<T> {
  const set = envelope.metadata.result_set;
  return {
    results: envelope.results,
    total: set.total,
    offset: set.offset,
    limit: Number.isSafeInteger(set.limit) ? set.limit : requestedLimit,
  };
}

/** Checks a page size or offset given by a caller. */
export function checkCount(name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new QacError("CORE_INVALID_ARGUMENT", `${name} must be an integer >= ${min}, got ${String(value)}.`);
  }
  return value;
}

/**
 * Yields every row by requesting pages of `pageSize` at increasing offsets until `offset >= total`.
 * It advances by the rows actually received, so a server that returns fewer rows than `limit`
 * loses nothing; an empty page before `total` ends the walk (the set shrank meanwhile). The API
 * documents no sort order (§2.5): rows inserted or deleted during the walk may shift pages.
 */
export async function* paginate<T>(
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>,
  pageSize: number,
  startOffset = 0,
): AsyncGenerator<T, void, undefined> {
  checkCount("pageSize", pageSize, 1);
  let offset = checkCount("offset", startOffset, 0);
  for (;;) {
    const page = await fetchPage(offset, pageSize);
    yield* page.results;
    offset += page.results.length;
    if (page.results.length === 0 || offset >= page.total) return;
  }
}
