import type { CompiledFilter, IndexKey } from "../filter/compile-filter.js";

/** A row: a response object keyed by its snake_case fields, with a numeric `id`. */
export type Row = { id: number } & Record<string, unknown>;

/** One page of rows plus the number of all rows that matched. */
export interface Page<T> {
  rows: T[];
  total: number;
}

const keyOf = (value: unknown): IndexKey | undefined =>
  typeof value === "string" ? value.toLowerCase() : typeof value === "number" || typeof value === "boolean" ? value : undefined;

/**
 * An in-memory table with hash indexes (Maps of value → ids) on chosen fields. A filtered query
 * intersects the indexes of top-level ANDed equality / `in` conditions and evaluates the full filter
 * only on those candidates; anything else falls back to a scan. Rows come back ordered by `id`
 * ascending (the simulator's default order, reference §11.12).
 */
export class Table<T extends Row> {
  private readonly rows = new Map<number, T>();
  private readonly indexes = new Map<string, Map<IndexKey, Set<number>>>();
  /** True while ids were inserted in ascending order, so Map order is id order. */
  private ordered = true;
  private maxId = 0;

  constructor(indexedFields: readonly string[]) {
    for (const field of indexedFields) this.indexes.set(field, new Map());
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
    // Only indexed fields whose value changes move between index buckets (bulk inserts and the
    // agents update status fields often; re-indexing every field would dominate).
    for (const [field, index] of this.indexes) {
      if (!(field in patch)) continue;
      const before = keyOf(row[field]);
      const after = keyOf(patch[field]);
      if (before === after) continue;
      if (before !== undefined) {
        const ids = index.get(before);
        ids?.delete(id);
        if (ids?.size === 0) index.delete(before);
      }
      if (after !== undefined) {
        let ids = index.get(after);
        if (!ids) index.set(after, (ids = new Set()));
        ids.add(id);
      }
    }
    Object.assign(row, patch);
    return row;
  }

  /** Ids of rows whose indexed `field` equals `value` (text ignores case), in no particular order. */
  idsWhere(field: string, value: IndexKey): ReadonlySet<number> {
    const index = this.indexes.get(field);
    if (!index) throw new Error(`Table has no index on ${field}`);
    return index.get(typeof value === "string" ? value.toLowerCase() : value) ?? new Set();
  }

  /**
   * Rows matching `filter` (all rows without one) and `scope`, ordered by id, sliced to a page.
   * Conditions answered by an index are not evaluated again; only the page's rows are collected.
   */
  query(options: { filter?: CompiledFilter; scope?: Record<string, IndexKey>; offset: number; limit: number }): Page<T> {
    const { filter, offset, limit } = options;
    const scope = Object.entries(options.scope ?? {}).map(([field, key]) => ({ field, keys: [key], test: (row: Row) => keyOf(row[field]) === key }));
    const hints = [...scope, ...(filter?.hints ?? [])];
    const usable = hints.filter((h) => this.canAnswer(h.field));
    const page: T[] = [];
    let total = 0;
    const take = (row: T) => {
      if (total >= offset && total - offset < limit) page.push(row);
      total++;
    };
    const sets = usable.map((h) => this.union(h.field, h.keys)).sort((a, b) => a.size - b.size);
    // An index that keeps more than half the rows (one project holding most runs) costs more than
    // it saves: scan in id order instead.
    if (sets.length === 0 || sets[0]!.size > this.rows.size / 2) {
      const tests = [...hints.map((h) => h.test), ...(filter?.residual ?? [])];
      const rows = this.ordered ? this.rows.values() : this.all();
      for (const row of rows) if (tests.every((t) => t(row))) take(row);
      return { rows: page, total };
    }
    const tests = [...hints.filter((h) => !this.canAnswer(h.field)).map((h) => h.test), ...(filter?.residual ?? [])];
    const [smallest, ...others] = sets as [ReadonlySet<number>, ...ReadonlySet<number>[]];
    const ids: number[] = [];
    for (const id of smallest) if (others.every((s) => s.has(id))) ids.push(id);
    sortAscending(ids);
    for (const id of ids) {
      const row = this.rows.get(id)!;
      if (tests.length === 0 || tests.every((t) => t(row))) take(row);
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

  private union(field: string, keys: readonly IndexKey[]): ReadonlySet<number> {
    if (field === "id") return new Set(keys.filter((k): k is number => typeof k === "number" && this.rows.has(k)));
    const index = this.indexes.get(field)!;
    if (keys.length === 1) return index.get(keys[0]!) ?? new Set();
    const out = new Set<number>();
    for (const key of keys) for (const id of index.get(key) ?? []) out.add(id);
    return out;
  }

  private index(row: T): void {
    for (const [field, index] of this.indexes) {
      const key = keyOf(row[field]);
      if (key === undefined) continue;
      let ids = index.get(key);
      if (!ids) index.set(key, (ids = new Set()));
      ids.add(row.id);
    }
  }

  private unindex(row: T): void {
    for (const [field, index] of this.indexes) {
      const key = keyOf(row[field]);
      if (key === undefined) continue;
      const ids = index.get(key);
      ids?.delete(row.id);
      if (ids?.size === 0) index.delete(key);
    }
  }
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
