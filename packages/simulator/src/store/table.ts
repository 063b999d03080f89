import type { CompiledFilter, IndexKey } from "../filter/compile-filter.js";
import { countBits, forEachBit } from "./bitset.js";
import { FieldIndex, type IdBucket } from "./field-index.js";

/** A row: a response object keyed by its snake_case fields, with a numeric `id`. */
export type Row = { id: number } & Record<string, unknown>;

/** One page of rows plus the number of all rows that matched. */
export interface Page<T> {
  rows: T[];
  total: number;
}

const keyOf = (value: unknown): IndexKey | undefined =>
  typeof value === "string"
    ? value.toLowerCase()
    : typeof value === "number" || typeof value === "boolean"
      ? value
      : undefined;

/**
 * An in-memory table with indexes (value → ids) on chosen fields. Low-cardinality fields use
 * bitsets: ANDed `field = value` / `field in {...}` conditions are answered by combining bit words,
 * which also yields ids in ascending order. High-cardinality fields (`setFields`, e.g. an item's
 * run id) use hash sets. The full filter is evaluated only for conditions no index answered.
 * Rows come back ordered by `id` ascending (the simulator's default order, reference §11.12).
 */
export class Table<T extends Row> {
  private readonly rows = new Map<number, T>();
  private readonly indexes = new Map<string, FieldIndex>();
  /** True while ids were inserted in ascending order, so Map order is id order. */
  private ordered = true;
  private maxId = 0;

  constructor(indexedFields: readonly string[], options: { setFields?: readonly string[] } = {}) {
    for (const field of indexedFields) this.indexes.set(field, new FieldIndex(!options.setFields?.includes(field)));
  }

  get size(): number {
    return this.rows.size;
  }

  /** The highest id ever inserted (0 when empty). */
  get lastId(): number {
    return this.maxId;
  }

  get(id: number): T | undefined {
    return this.rows.get(id);
  }

  /** Adds or replaces a row. */
  insert(row: T): void {
    const existing = this.rows.get(row.id);
    if (existing) this.unindex(existing);
    else if (row.id < this.maxId) this.ordered = false;
    this.rows.set(row.id, row);
    this.maxId = Math.max(this.maxId, row.id);
    this.index(row);
  }

  delete(id: number): boolean {
    const row = this.rows.get(id);
    if (!row) return false;
    this.unindex(row);
    this.rows.delete(id);
    return true;
  }

  /** Changes fields of a stored row and keeps the indexes in step. Use this, never assign directly. */
  update(id: number, patch: Partial<T>): T | undefined {
    const row = this.rows.get(id);
    if (!row) return undefined;
    // Only indexed fields whose value changes move between buckets (the agents and bulk inserts
    // update status fields often; re-indexing every field would dominate).
    for (const [field, index] of this.indexes) {
      if (!(field in patch)) continue;
      const before = keyOf(row[field]);
      const after = keyOf(patch[field]);
      if (before === after) continue;
      if (before !== undefined) index.remove(before, id);
      if (after !== undefined) index.add(after, id);
    }
    Object.assign(row, patch);
    return row;
  }

  /** Ids of rows whose indexed `field` equals `value` (text ignores case). */
  idsWhere(field: string, value: IndexKey): IdBucket {
    const index = this.indexes.get(field);
    if (!index) throw new Error(`Table has no index on ${field}`);
    return index.get(typeof value === "string" ? value.toLowerCase() : value);
  }

  /**
   * Rows matching `filter` (all rows without one) and `scope`, ordered by id, sliced to a page.
   * Conditions answered by an index are not evaluated again; only the page's rows are collected.
   */
  query(options: {
    filter?: CompiledFilter;
    scope?: Record<string, IndexKey>;
    offset: number;
    limit: number;
  }): Page<T> {
    const { filter, offset, limit } = options;
    const scope = Object.entries(options.scope ?? {}).map(([field, key]) => ({
      field,
      keys: [key],
      test: (row: Row) => keyOf(row[field]) === key,
    }));
    const hints = [...scope, ...(filter?.hints ?? [])];
    const tests = [...hints.filter((h) => !this.canAnswer(h.field)).map((h) => h.test), ...(filter?.residual ?? [])];
    const bitmapHints = hints.filter((h) => this.indexes.get(h.field)?.bitmap === true);
    const setHints = hints.filter((h) => h.field === "id" || this.indexes.get(h.field)?.bitmap === false);
    const sets = setHints.map((h) => this.unionSet(h.field, h.keys)).sort((a, b) => a.size - b.size);

    const page: T[] = [];
    let total = 0;
    const consider = (id: number, checkSets: boolean) => {
      if (checkSets && !sets.every((s) => s.has(id))) return;
      const row = this.rows.get(id)!;
      if (tests.length > 0 && !tests.every((t) => t(row))) return;
      if (total >= offset && total - offset < limit) page.push(row);
      total++;
    };

    let words: Uint32Array | undefined;
    if (bitmapHints.length > 0) {
      for (const hint of bitmapHints) {
        const next = this.indexes.get(hint.field)!.unionBits(hint.keys);
        if (!words) words = next;
        else andWords(words, next);
      }
      const matches = countBits(words!);
      if (sets.length === 0 && tests.length === 0) {
        if (limit > 0 && offset < matches) {
          let seen = 0;
          forEachBit(words!, (id) => {
            if (seen++ >= offset) page.push(this.rows.get(id)!);
            return page.length < limit;
          });
        }
        return { rows: page, total: matches };
      }
      // When the indexes keep most rows and conditions remain, walking the rows is cheaper.
      if (matches <= this.rows.size / 2 || !this.ordered) {
        forEachBit(words!, (id) => void consider(id, true));
        return { rows: page, total };
      }
    }
    if (sets.length > 0 && bitmapHints.length === 0) {
      const [smallest, ...others] = sets as [IdBucket, ...IdBucket[]];
      const ids = others.length === 0 ? [...smallest] : [...smallest].filter((id) => others.every((o) => o.has(id)));
      sortAscending(ids);
      for (const id of ids) consider(id, false);
      return { rows: page, total };
    }
    // Scan in id order: either nothing is indexed, or the indexes keep most rows.
    const bits = words;
    const rowTests = bits ? tests : [...hints.map((h) => h.test), ...(filter?.residual ?? [])];
    const checkSets = bits !== undefined && sets.length > 0;
    for (const row of this.ordered ? this.rows.values() : this.all()) {
      if (bits && ((bits[row.id >>> 5] ?? 0) & (1 << (row.id & 31))) === 0) continue;
      if (checkSets && !sets.every((s) => s.has(row.id))) continue;
      if (rowTests.length > 0 && !rowTests.every((t) => t(row))) continue;
      if (total >= offset && total - offset < limit) page.push(row);
      total++;
    }
    return { rows: page, total };
  }

  /** Every row, ordered by id. */
  all(): T[] {
    const rows = [...this.rows.values()];
    if (!this.ordered) rows.sort((a, b) => a.id - b.id);
    return rows;
  }

  /** The primary key acts as an index too. */
  private canAnswer(field: string): boolean {
    return field === "id" || this.indexes.has(field);
  }

  private unionSet(field: string, keys: readonly IndexKey[]): IdBucket {
    if (field === "id") return new Set(keys.filter((k): k is number => typeof k === "number" && this.rows.has(k)));
    return this.indexes.get(field)!.unionSet(keys);
  }

  private index(row: T): void {
    for (const [field, index] of this.indexes) {
      const key = keyOf(row[field]);
      if (key !== undefined) index.add(key, row.id);
    }
  }

  private unindex(row: T): void {
    for (const [field, index] of this.indexes) {
      const key = keyOf(row[field]);
      if (key !== undefined) index.remove(key, row.id);
    }
  }
}

/** `target &= words`, treating missing words as zero. */
function andWords(target: Uint32Array, words: Uint32Array): void {
  const n = Math.min(target.length, words.length);
  for (let i = 0; i < n; i++) target[i] = target[i]! & words[i]!;
  target.fill(0, n);
}

/** Sorts ids ascending, skipping the sort when they already are (the common case). */
function sortAscending(ids: number[]): void {
  for (let i = 1; i < ids.length; i++) {
    if (ids[i - 1]! > ids[i]!) {
      ids.sort((a, b) => a - b);
      return;
    }
  }
}
