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
 * `kind`, from offset `start`. Stops after `maxPages` (a safety net for huge tenants).
 */
export async function fetchAll<T>(kind: string, counter: CallCounter, listPage: (offset: number, limit: number) => Promise<Page<T>>, maxPages = 100, start = 0): Promise<T[]> {
  const rows: T[] = [];
  for (let pages = 0; pages < maxPages; pages++) {
    counter.add(kind);
    const page = await listPage(start + rows.length, PAGE_SIZE);
    rows.push(...page.results);
    if (page.results.length === 0 || start + rows.length >= page.total) break;
  }
  return rows;
}
