/**
 * A growable set of non-negative integer ids stored as bits. Index buckets of low-cardinality
 * fields (status, configuration, release...) are bitsets so that ANDing several conditions over
 * 100,000 runs costs a few thousand word operations and yields ids already in ascending order.
 */
export class Bitset {
  private words = new Uint32Array(64);
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(id: number): void {
    const w = id >>> 5;
    if (w >= this.words.length) this.grow(w + 1);
    const bit = 1 << (id & 31);
    if ((this.words[w]! & bit) === 0) {
      this.words[w] = this.words[w]! | bit;
      this.count++;
    }
  }

  delete(id: number): void {
    const w = id >>> 5;
    if (w >= this.words.length) return;
    const bit = 1 << (id & 31);
    if ((this.words[w]! & bit) !== 0) {
      this.words[w] = this.words[w]! & ~bit;
      this.count--;
    }
  }

  has(id: number): boolean {
    const w = id >>> 5;
    return w < this.words.length && (this.words[w]! & (1 << (id & 31))) !== 0;
  }

  /** A copy of the raw words (for AND/OR combination). */
  toWords(): Uint32Array {
    return this.words.slice();
  }

  /** ORs this set's bits into `target` (which must be at least as long, or is cut to its length). */
  orInto(target: Uint32Array): void {
    const n = Math.min(target.length, this.words.length);
    for (let i = 0; i < n; i++) target[i] = target[i]! | this.words[i]!;
  }

  /** ANDs this set's bits into `target`. */
  andInto(target: Uint32Array): void {
    const n = Math.min(target.length, this.words.length);
    for (let i = 0; i < n; i++) target[i] = target[i]! & this.words[i]!;
    target.fill(0, n);
  }

  get wordCount(): number {
    return this.words.length;
  }

  *[Symbol.iterator](): IterableIterator<number> {
    yield* bitsOf(this.words);
  }

  private grow(minWords: number): void {
    const next = new Uint32Array(Math.max(minWords, this.words.length * 2));
    next.set(this.words);
    this.words = next;
  }
}

/** The ids whose bits are set in `words`, ascending. */
export function* bitsOf(words: Uint32Array): IterableIterator<number> {
  for (let w = 0; w < words.length; w++) {
    let word = words[w]!;
    while (word !== 0) {
      const low = word & -word;
      yield (w << 5) + (31 - Math.clz32(low));
      word ^= low;
    }
  }
}

/**
 * Calls `visit` with each id whose bit is set, ascending, until it returns false. A plain loop:
 * hot paths avoid the generator's per-id cost.
 */
export function forEachBit(words: Uint32Array, visit: (id: number) => boolean | void): void {
  for (let w = 0; w < words.length; w++) {
    let word = words[w]!;
    while (word !== 0) {
      const low = word & -word;
      if (visit((w << 5) + (31 - Math.clz32(low))) === false) return;
      word ^= low;
    }
  }
}

/** Number of set bits in `words`. */
export function countBits(words: Uint32Array): number {
  let total = 0;
  for (let w = 0; w < words.length; w++) {
    let v = words[w]!;
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    total += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return total;
}
