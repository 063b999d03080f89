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

/** How {@link paginate} and {@link readAll} walk a list. */
export interface PageWalk<T> {
  /** Rows asked for per request; a server may send fewer (a page cap), which costs nothing but requests. */
  pageSize: number;
  /** Start at this offset. @default 0 */
  offset?: number;
  /**
   * Rows of each page read again at the start of the next, for lists that shrink while they are
   * read (unfinished runs finishing): without it the rows that move up across a page boundary
   * would be skipped. At most half of the rows received are read again, so a page cap costs
   * requests in proportion, never one request per row. Needs `key`. @default 0
   */
  overlap?: number;
  /** A row's identity: rows seen before are not yielded again. */
  key?: (row: T) => unknown;
  /** Stop after this many rows (a deliberate sample, e.g. for "did you mean"). @default no limit */
  maxRows?: number;
  /** Called once per request, for call counting. */
  onPage?: (page: Page<T>) => void;
}

/** Turns a list envelope into a {@link Page}. */
export function toPage<T>(envelope: ListEnvelope<T>, requestedLimit: number): Page<T> {
  const set = envelope.metadata.result_set;
  const limit = Number.isSafeInteger(set.limit) ? set.limit : requestedLimit;
  return { results: envelope.results, total: set.total, offset: set.offset, limit };
}

/** Checks a page size or offset given by a caller. */
export function checkCount(name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new QacError("CORE_INVALID_ARGUMENT", `${name} must be an integer >= ${min}, got ${String(value)}.`);
  }
  return value;
}

/**
 * Yields every row of a list: pages at increasing offsets, moving by the rows actually received,
 * until `offset >= total` (reference §2.3, §13). A short page is not the end, since the server may
 * cap `limit` (no maximum is documented); an empty page before `total` is (the list shrank). The
 * API documents no sort order (§2.5): rows inserted or deleted during the walk may shift pages,
 * which `overlap` with `key` absorbs.
 */
export async function* paginate<T>(
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>,
  walk: PageWalk<T>,
): AsyncGenerator<T, void, undefined> {
  const pageSize = checkCount("pageSize", walk.pageSize, 1);
  let offset = checkCount("offset", walk.offset ?? 0, 0);
  const overlap = checkCount("overlap", walk.overlap ?? 0, 0);
  if (overlap > 0 && walk.key === undefined)
    throw new QacError("CORE_INVALID_ARGUMENT", "paginate: overlap needs a key to recognise rows read twice.");
  const seen = walk.key === undefined ? null : new Set<unknown>();
  let left = walk.maxRows ?? Infinity;
  for (;;) {
    const page = await fetchPage(offset, pageSize);
    walk.onPage?.(page);
    for (const row of page.results) {
      if (seen !== null) {
        const id = walk.key!(row);
        if (seen.has(id)) continue;
        seen.add(id);
      }
      if (left <= 0) return;
      left -= 1;
      yield row;
    }
    const received = page.results.length;
    if (received === 0 || offset + received >= page.total || left <= 0) return;
    // Move forward by at least half of what came: a server that cuts pages short (a cap) must not
    // turn the overlap into a crawl of one row per request. At most half a page is read again.
    offset += received - Math.min(overlap, Math.floor(received / 2));
  }
}

/**
 * Every row of a list, as {@link paginate} walks it. With `concurrency` > 1, once the first page
 * has told the total and the page size the server really uses, the following pages are requested
 * together (latency of one round trip instead of one per page); should one come back short, the
 * walk goes on in order from the first row missing, so nothing is skipped.
 */
export async function readAll<T>(
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>,
  walk: PageWalk<T> & { concurrency?: number },
): Promise<T[]> {
  const rows: T[] = [];
  const { concurrency = 1, ...rest } = walk;
  let next: PageWalk<T> = rest;
  if (concurrency > 1 && !walk.overlap && walk.maxRows === undefined) {
    const counted = async (offset: number, limit: number) => {
      const page = await fetchPage(offset, limit);
      walk.onPage?.(page);
      return page;
    };
    let offset = checkCount("offset", walk.offset ?? 0, 0);
    const first = await counted(offset, checkCount("pageSize", walk.pageSize, 1));
    rows.push(...first.results);
    offset += first.results.length;
    const step = first.results.length;
    if (step === 0 || offset >= first.total) return dedupe(rows, walk.key);
    const offsets: number[] = [];
    for (let at = offset; at < first.total; at += step) offsets.push(at);
    let total = first.total;
    for (let i = 0; i < offsets.length; i += concurrency) {
      const batch = offsets.slice(i, i + concurrency);
      const pages = await Promise.all(batch.map((at) => counted(at, step)));
      for (const [j, page] of pages.entries()) {
        const at = batch[j]!;
        if (at > offset) break; // a short page left a gap: the ordered walk below fills it
        rows.push(...page.results.slice(offset - at));
        offset = Math.max(offset, at + page.results.length);
        total = page.total;
      }
      if (offset < batch.at(-1)!) break;
    }
    if (offset >= total) return dedupe(rows, walk.key);
    next = { ...rest, offset };
  }
  for await (const row of paginate(fetchPage, next)) rows.push(row);
  return dedupe(rows, walk.key);
}

function dedupe<T>(rows: T[], key: ((row: T) => unknown) | undefined): T[] {
  if (key === undefined) return rows;
  const seen = new Set<unknown>();
  return rows.filter((row) => {
    const id = key(row);
    return seen.has(id) ? false : (seen.add(id), true);
  });
}
