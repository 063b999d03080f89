import type { Page } from "@qac/core";

/** Rows per request: the largest page third-party clients use (the API documents no maximum, §2.3). */
export const PAGE_SIZE = 1000;

/** Counts requests per entity kind while resolving. */
export class CallCounter {
  readonly byKind: Record<string, number> = {};
  add(kind: string, n = 1): void {
    this.byKind[kind] = (this.byKind[kind] ?? 0) + n;
  }
  get total(): number {
    return Object.values(this.byKind).reduce((a, b) => a + b, 0);
  }
}

/**
 * Fetches every row of a list in pages of {@link PAGE_SIZE}, counting each request under
 * `kind`, from offset `start`. The first page tells the total; the other pages are then
 * requested together, so a long list costs two round trips of latency, not one per page.
 * At most `maxPages` pages are read (a safety net for huge tenants).
 */
export async function fetchAll<T>(
  kind: string,
  counter: CallCounter,
  listPage: (offset: number, limit: number) => Promise<Page<T>>,
  maxPages = 100,
  start = 0,
): Promise<T[]> {
  counter.add(kind);
  const first = await listPage(start, PAGE_SIZE);
  if (first.results.length === 0 || start + first.results.length >= first.total) return first.results;
  const step = first.results.length;
  const offsets: number[] = [];
  for (let offset = start + step; offset < first.total && offsets.length < maxPages - 1; offset += step)
    offsets.push(offset);
  const pages = await Promise.all(
    offsets.map((offset) => {
      counter.add(kind);
      return listPage(offset, step);
    }),
  );
  return [first.results, ...pages.map((p) => p.results)].flat();
}
