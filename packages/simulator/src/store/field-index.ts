import type { IndexKey } from "../filter/compile-filter.js";
import { Bitset } from "./bitset.js";

/** The ids of one index bucket: a bitset (low-cardinality fields) or a hash set. */
export interface IdBucket extends Iterable<number> {
  readonly size: number;
  has(id: number): boolean;
}

type Bucket = (Bitset | Set<number>) & IdBucket;
const EMPTY: IdBucket = new Set<number>();

/**
 * The index of one field: value → ids. Bitsets suit fields with few distinct values (status,
 * configuration, release: combining them is a few thousand word operations); hash sets suit fields
 * with a bucket per row or run (an item's run id).
 */
export class FieldIndex {
  private readonly buckets = new Map<IndexKey, Bucket>();

  constructor(readonly bitmap: boolean) {}

  add(key: IndexKey, id: number): void {
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = this.bitmap ? new Bitset() : new Set()));
    bucket.add(id);
  }

  remove(key: IndexKey, id: number): void {
    const bucket = this.buckets.get(key);
    if (!bucket) return;
    bucket.delete(id);
    if (bucket.size === 0) this.buckets.delete(key);
  }

  get(key: IndexKey): IdBucket {
    return this.buckets.get(key) ?? EMPTY;
  }

  /** Ids having any of `keys`. */
  unionSet(keys: readonly IndexKey[]): IdBucket {
    if (keys.length === 1) return this.get(keys[0]!);
    const out = new Set<number>();
    for (const key of keys) for (const id of this.get(key)) out.add(id);
    return out;
  }

  /** Bit words of the ids having any of `keys` (a fresh array the caller may modify). */
  unionBits(keys: readonly IndexKey[]): Uint32Array {
    const present: Bitset[] = [];
    for (const key of keys) {
      const bucket = this.buckets.get(key);
      if (bucket instanceof Bitset) present.push(bucket);
    }
    if (present.length === 1) return present[0]!.toWords();
    const words = new Uint32Array(Math.max(0, ...present.map((b) => b.wordCount)));
    for (const bits of present) bits.orInto(words);
    return words;
  }
}
