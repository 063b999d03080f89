import { readAll, type Page } from "@qac/core";

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
 * Fetches every row of a list in pages of {@link PAGE_SIZE} through core's `readAll`, counting each
 * request under `kind`: the first page tells the total and the page size the server really uses,
 * the other pages are then requested together (two round trips of latency, not one per page), and
 * a short page never ends the read early. `first` is a first page already read (not requested or
 * counted again); `maxRows` reads a deliberate sample instead of the whole list (suggestions).
 */
export async function fetchAll<T>(
  kind: string,
  counter: CallCounter,
  listPage: (offset: number, limit: number) => Promise<Page<T>>,
  options: { first?: Page<T>; maxRows?: number } = {},
): Promise<T[]> {
  const { first, maxRows } = options;
  return readAll(
    (offset, limit) => {
      if (offset === 0 && first !== undefined) return Promise.resolve(first);
      counter.add(kind);
      return listPage(offset, limit);
    },
    { pageSize: PAGE_SIZE, concurrency: maxRows === undefined ? 16 : 1, ...(maxRows === undefined ? {} : { maxRows }) },
  );
}
