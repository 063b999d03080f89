import { describe, expect, it } from "vitest";
import { Bitset, bitsOf, countBits } from "./bitset.js";

describe("Bitset", () => {
  it("adds, deletes and counts ids, growing as needed", () => {
    const set = new Bitset();
    for (const id of [5, 31, 32, 100_000, 5]) set.add(id);
    set.delete(31);
    set.delete(7);
    expect(set.size).toBe(3);
    expect([...set]).toEqual([5, 32, 100_000]);
    expect(set.has(100_000)).toBe(true);
    expect(set.has(31)).toBe(false);
    expect(set.has(10_000_000)).toBe(false);
  });

  it("combines with AND and OR and counts bits", () => {
    const a = new Bitset();
    const b = new Bitset();
    const c = new Bitset();
    for (let i = 0; i < 1000; i += 2) a.add(i);
    for (let i = 0; i < 1000; i += 3) b.add(i);
    for (let i = 0; i < 3000; i += 5) c.add(i);
    const words = a.toWords();
    b.andInto(words);
    expect(countBits(words)).toBe(167);
    const union = new Uint32Array(Math.max(a.wordCount, c.wordCount));
    a.orInto(union);
    c.orInto(union);
    const expected = [
      ...new Set([...Array.from({ length: 500 }, (_, i) => i * 2), ...Array.from({ length: 600 }, (_, i) => i * 5)]),
    ].sort((x, y) => x - y);
    expect([...bitsOf(union)]).toEqual(expected);
  });
});
