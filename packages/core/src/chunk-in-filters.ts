import { QacError } from "./errors.js";
import { encodeQueryValue } from "./build-path.js";
import { filter, filterLiteral, type Filter } from "./filter.js";

/** Options of {@link chunkInFilters}. */
export interface ChunkInFiltersOptions {
  /** Longest URL-encoded filter allowed per request. @default 1500 */
  maxEncodedLength?: number;
  /** A condition every chunk must also satisfy, joined with AND. */
  and?: Filter;
}

/**
 * Splits a long value list into several `(Field in {...})` filters whose URL-encoded length stays
 * under a budget, for resources without a search POST (test runs, §2.4). Duplicates are dropped;
 * an empty list gives no filters (and so no calls).
 * @example for (const f of chunkInFilters("Id", runIds)) await client.testRuns.list(projectId, { filter: f })
 */
export function chunkInFilters(
  field: string,
  values: readonly number[],
  options: ChunkInFiltersOptions = {},
): Filter[] {
  const budget = options.maxEncodedLength ?? 1500;
  if (!Number.isSafeInteger(budget) || budget < 1)
    throw new QacError(
      "CORE_INVALID_ARGUMENT",
      `chunkInFilters: maxEncodedLength must be a positive integer, got ${String(budget)}.`,
    );
  const unique = [...new Set(values)];
  if (unique.length === 0) return [];
  const build = (chunk: number[]): Filter =>
    options.and ? filter.and(options.and, filter.in(field, chunk)) : filter.in(field, chunk);
  // Length of the filter around the list, then each literal adds its own length plus an encoded comma.
  const shell = encodeQueryValue(build([0])).length - 1;
  const comma = encodeQueryValue(",").length;
  const chunks: Filter[] = [];
  let current: number[] = [];
  let length = shell;
  for (const value of unique) {
    const size = encodeQueryValue(filterLiteral(value)).length;
    const added = current.length === 0 ? size : size + comma;
    if (length + added > budget) {
      if (current.length === 0)
        throw new QacError(
          "CORE_INVALID_ARGUMENT",
          `chunkInFilters: the value ${filterLiteral(value).slice(0, 40)} alone exceeds maxEncodedLength ${budget}.`,
        );
      chunks.push(build(current));
      current = [value];
      length = shell + size;
    } else {
      current.push(value);
      length += added;
    }
  }
  chunks.push(build(current));
  return chunks;
}
