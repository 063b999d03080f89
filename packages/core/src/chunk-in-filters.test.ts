import { describe, expect, it } from "vitest";
import { chunkInFilters } from "./chunk-in-filters.js";
import { encodeQueryValue } from "./build-path.js";
import fc from "fast-check";
import { filter } from "./filter.js";

const idsIn = (f: string): number[] => [...(/\{([^}]*)\}/.exec(f)?.[1] ?? "").split(",")].map(Number);

describe("chunkInFilters", () => {
  it("splits 2000 ids into filters that each fit the URL budget and cover every id once", () => {
    const ids = Array.from({ length: 2000 }, (_, i) => 100_000 + i);
    const chunks = chunkInFilters("Id", ids, { maxEncodedLength: 1000 });
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(encodeQueryValue(c).length).toBeLessThanOrEqual(1000);
    expect(chunks.flatMap(idsIn)).toEqual(ids);
  });

  it("fills chunks up to the budget rather than leaving them half empty", () => {
    const ids = Array.from({ length: 500 }, (_, i) => 1000 + i);
    const chunks = chunkInFilters("Id", ids, { maxEncodedLength: 300 });
    for (const c of chunks.slice(0, -1)) expect(encodeQueryValue(c).length).toBeGreaterThan(300 - 8);
  });

  it("ANDs every chunk with a base condition", () => {
    const chunks = chunkInFilters("Id", [1, 2, 2, 3], { and: filter.eq("TestSetId", 9) });
    expect(chunks).toEqual(["(TestSetId = 9) AND (Id in {1,2,3})"]);
  });

  it("returns no filters for no ids, so callers make no call", () => {
    expect(chunkInFilters("Id", [])).toEqual([]);
  });

  it("rejects a value that cannot fit even alone", () => {
    expect(() => chunkInFilters("Id", [10 ** 15], { maxEncodedLength: 20 })).toThrow(
      /alone exceeds maxEncodedLength 20/,
    );
  });
});

describe("chunkInFilters properties", () => {
  it("covers every distinct id exactly once and keeps each chunk within budget", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { maxLength: 600 }),
        fc.integer({ min: 40, max: 3000 }),
        (ids, budget) => {
          const chunks = chunkInFilters("Id", ids, { maxEncodedLength: budget });
          for (const c of chunks) expect(encodeQueryValue(c).length).toBeLessThanOrEqual(budget);
          expect(chunks.flatMap(idsIn)).toEqual([...new Set(ids)]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
