import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { paginate, readAll, type Page } from "./paginate.js";
import { API, envelope, mockQac, run } from "./test-support/mock-qac.js";
import { toProjectId } from "./ids.js";
import { filter } from "./filter.js";

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** A fake page source over `rows` that serves at most `cap` rows per page. */
function source(rows: number[], cap = Infinity) {
  const calls: [number, number][] = [];
  const fetch = (offset: number, limit: number): Promise<Page<number>> => {
    calls.push([offset, limit]);
    return Promise.resolve({
      results: rows.slice(offset, offset + Math.min(limit, cap)),
      total: rows.length,
      offset,
      limit,
    });
  };
  return { fetch, calls };
}

describe("paginate", () => {
  const rows = Array.from({ length: 10 }, (_, i) => i);

  it("walks pages until offset >= total", async () => {
    const s = source(rows);
    expect(await collect(paginate(s.fetch, { pageSize: 4 }))).toEqual(rows);
    expect(s.calls).toEqual([
      [0, 4],
      [4, 4],
      [8, 4],
    ]);
  });

  it("makes one call when everything fits, including an exact fit", async () => {
    const s = source(rows);
    await collect(paginate(s.fetch, { pageSize: 10 }));
    expect(s.calls).toHaveLength(1);
  });

  it("loses nothing when the server returns fewer rows than the limit", async () => {
    const s = source(rows, 3);
    expect(await collect(paginate(s.fetch, { pageSize: 5 }))).toEqual(rows);
    expect(s.calls.map(([o]) => o)).toEqual([0, 3, 6, 9]);
  });

  it("stops on an empty page even if total promised more", async () => {
    const fetch = (offset: number, limit: number) =>
      Promise.resolve({ results: [] as number[], total: 50, offset, limit });
    expect(await collect(paginate(fetch, { pageSize: 5 }))).toEqual([]);
  });

  it("handles an empty result set with one call", async () => {
    const s = source([]);
    expect(await collect(paginate(s.fetch, { pageSize: 5 }))).toEqual([]);
    expect(s.calls).toHaveLength(1);
  });

  it("starts at a given offset", async () => {
    const s = source(rows);
    expect(await collect(paginate(s.fetch, { pageSize: 100, offset: 7 }))).toEqual([7, 8, 9]);
  });

  it("rejects a page size below 1", async () => {
    await expect(collect(paginate(source(rows).fetch, { pageSize: 0 }))).rejects.toMatchObject({
      code: "CORE_INVALID_ARGUMENT",
    });
  });
});

describe("paginate over a shrinking list", () => {
  it("with overlap and a key, sees every row that stays while earlier rows drop out between pages", async () => {
    // Rows 0..29; after each page, the first two rows still listed finish and leave the filter.
    let rows = Array.from({ length: 30 }, (_, i) => ({ id: i }));
    const fetch = (offset: number, limit: number): Promise<Page<{ id: number }>> => {
      const page = { results: rows.slice(offset, offset + limit), total: rows.length, offset, limit };
      rows = rows.slice(2);
      return Promise.resolve(page);
    };
    const seen = await readAll(fetch, { pageSize: 10, overlap: 4, key: (r) => r.id });
    const ids = seen.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Every row that was still listed when the walk ended was seen.
    for (const row of rows) expect(ids).toContain(row.id);
  });

  it("under a page cap below the overlap, reads at most half a page again instead of crawling by one row", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => i);
    const { fetch, calls } = source(rows, 25);
    const seen = await readAll(fetch, { pageSize: 1000, overlap: 100, key: (r) => r });
    expect(seen).toEqual(rows);
    // 25 rows a page, 12 read again: the offset moves by 13, so 76 requests (not 976 moving by one).
    expect(calls.map(([offset]) => offset).slice(0, 4)).toEqual([0, 13, 26, 39]);
    expect(calls).toHaveLength(76);
  });

  it("refuses overlap without a key, which would yield rows twice", async () => {
    await expect(readAll(source([1, 2]).fetch, { pageSize: 1, overlap: 1 })).rejects.toMatchObject({
      code: "CORE_INVALID_ARGUMENT",
    });
  });

  it("stops after maxRows, a deliberate sample", async () => {
    const s = source(Array.from({ length: 100 }, (_, i) => i));
    expect(await readAll(s.fetch, { pageSize: 10, maxRows: 25 })).toHaveLength(25);
    expect(s.calls).toHaveLength(3);
  });
});

describe("readAll", () => {
  const rows = Array.from({ length: 103 }, (_, i) => i);

  it("with concurrency, requests the pages after the first together, in the page size the server used", async () => {
    const s = source(rows, 10);
    const calls: number[] = [];
    expect(await readAll(s.fetch, { pageSize: 1000, concurrency: 4, onPage: (p) => calls.push(p.offset) })).toEqual(
      rows,
    );
    expect(s.calls[0]).toEqual([0, 1000]);
    expect(s.calls.slice(1).every(([, limit]) => limit === 10)).toBe(true);
    expect(calls).toHaveLength(11);
  });

  it("fills the gap a short page leaves, in order, and loses nothing", async () => {
    // The server caps at 10, but the page at offset 30 comes back with 3 rows only.
    const fetch = (offset: number, limit: number): Promise<Page<number>> =>
      Promise.resolve({
        results: rows.slice(offset, offset + Math.min(limit, offset === 30 ? 3 : 10)),
        total: rows.length,
        offset,
        limit,
      });
    expect(await readAll(fetch, { pageSize: 100, concurrency: 8 })).toEqual(rows);
  });

  it("reads every row exactly once whatever the cap, page size, start and concurrency (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 6 }),
        async (length, cap, pageSize, concurrency) => {
          const all = Array.from({ length }, (_, i) => i);
          const s = source(all, cap);
          expect(await readAll(s.fetch, { pageSize, concurrency })).toEqual(all);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("client iterate", () => {
  it("pages test runs with the filter and page size over HTTP", async () => {
    const { pool, client } = mockQac();
    const base = `${API}/v2/projects/1001/testruns`;
    const f = encodeURIComponent(filter.eq("TestSetId", 5)).replace(/[()]/g, (c) => (c === "(" ? "%28" : "%29"));
    pool
      .intercept({ path: `${base}?offset=0&limit=2&Filter=${f}`, method: "GET" })
      .reply(200, envelope([run(1), run(2)], 3, 0, 2));
    pool
      .intercept({ path: `${base}?offset=2&limit=2&Filter=${f}`, method: "GET" })
      .reply(200, envelope([run(3)], 3, 2, 2));
    const ids = (
      await collect(client.testRuns.iterate(toProjectId(1001), { filter: filter.eq("TestSetId", 5), pageSize: 2 }))
    ).map((r) => r.id);
    expect(ids).toEqual([1, 2, 3]);
    expect(client.callCount()).toBe(2);
  });

  it("uses the client's pageSize by default and list returns one page", async () => {
    const { pool, client } = mockQac({ pageSize: 3 });
    pool
      .intercept({ path: `${API}/v1/projects?offset=0&limit=3`, method: "GET" })
      .reply(200, envelope([{ id: "1001", proj_name: "Web Shop" }], 9, 0, 3));
    await expect(client.projects.list()).resolves.toEqual({
      results: [{ id: "1001", proj_name: "Web Shop" }],
      total: 9,
      offset: 0,
      limit: 3,
    });
  });
});
