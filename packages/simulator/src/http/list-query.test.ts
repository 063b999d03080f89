import { describe, expect, it } from "vitest";
import { listEnvelope, queryParam, readListQuery } from "./list-query.js";

describe("readListQuery", () => {
  it("defaults to offset 0, limit 25 and no filter", () => {
    expect(readListQuery({})).toEqual({ offset: 0, limit: 25, filter: undefined });
  });

  it("reads parameter names in any case", () => {
    expect(readListQuery({ Offset: "5", LIMIT: "0", Filter: "Id = 1" })).toEqual({
      offset: 5,
      limit: 0,
      filter: "Id = 1",
    });
    expect(queryParam({ FORMAT: "json" }, "format")).toBe("json");
  });

  it("takes the filter from a search body first", () => {
    expect(readListQuery({ filter: "Id = 1" }, { body: { Filter: "Id = 2" } }).filter).toBe("Id = 2");
  });

  it("refuses negative or non-numeric paging values", () => {
    expect(() => readListQuery({ limit: "-1" })).toThrowError("Query parameter 'limit' must be 0 or more, got -1");
    expect(() => readListQuery({ offset: "ten" })).toThrowError(
      "Query parameter 'offset' must be a whole number, got 'ten'",
    );
    expect(() => readListQuery({ offset: "99999999999999999999" })).toThrowError(
      "Query parameter 'offset' must be at most 9007199254740991, got '99999999999999999999'",
    );
  });
});

describe("listEnvelope", () => {
  it("echoes offset and limit and counts the page", () => {
    expect(listEnvelope({ rows: [1, 2], total: 9 }, { offset: 4, limit: 2, filter: undefined }, 7)).toEqual({
      metadata: { result_set: { count: 2, offset: 4, limit: 2, total: 9 }, permissions: { acl: 7 } },
      results: [1, 2],
    });
  });
});
