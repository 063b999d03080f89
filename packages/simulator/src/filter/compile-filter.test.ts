import { describe, expect, it } from "vitest";
import { compileFilter } from "./compile-filter.js";
import type { EntityFields } from "./resolve-field.js";

const RUN: EntityFields = {
  entity: "test run",
  fields: {
    id: "number",
    test_set_id: "number",
    status_code: "string",
    is_sequential: "boolean",
    nbr_tests: "number",
    nbr_passed: "number",
    test_host: "string",
    date_started: "date",
  },
  aliases: { status: "status_code" },
};

const rows = [
  {
    id: 1,
    test_set_id: 10,
    status_code: "Passed",
    is_sequential: true,
    nbr_tests: 3,
    nbr_passed: 3,
    test_host: "build-agent-01",
    date_started: "2026-12-01T09:00:00.0000000",
  },
  {
    id: 2,
    test_set_id: 10,
    status_code: "Failed",
    is_sequential: false,
    nbr_tests: 3,
    nbr_passed: 1,
    test_host: "",
    date_started: "2026-12-02T10:30:00.0000000",
  },
  {
    id: 3,
    test_set_id: 0,
    status_code: "Awaiting Run",
    is_sequential: false,
    nbr_tests: 1,
    nbr_passed: 0,
    test_host: "O'Brien's box",
    date_started: "0001-01-01T00:00:00.0000000",
  },
];

const ids = (filter: string) => rows.filter(compileFilter(filter, RUN).test).map((r) => r.id);

describe("compileFilter", () => {
  it("throws FilterError with SIM_FILTER_FIELD for an unknown field and SIM_FILTER_SYNTAX for bad syntax", () => {
    expect(() => compileFilter("Colour = 'red'", RUN)).toThrow(
      expect.objectContaining({ name: "FilterError", code: "SIM_FILTER_FIELD", position: 0 }),
    );
    expect(() => compileFilter("Id = ", RUN)).toThrow(
      expect.objectContaining({ name: "FilterError", code: "SIM_FILTER_SYNTAX" }),
    );
  });

  it("maps PascalCase, camelCase and snake_case names to the response field", () => {
    expect(ids("TestSetId = 10")).toEqual([1, 2]);
    expect(ids("testSetId = 10")).toEqual([1, 2]);
    expect(ids("test_set_id = 10")).toEqual([1, 2]);
  });

  it("maps Status and StatusCode to status_code and compares text case-insensitively", () => {
    expect(ids("status = 'passed'")).toEqual([1]);
    expect(ids("StatusCode != 'PASSED'")).toEqual([2, 3]);
  });

  it("supports numeric comparisons", () => {
    expect(ids("Id > 1")).toEqual([2, 3]);
    expect(ids("Id >= 2 and Id <= 2")).toEqual([2]);
    expect(ids("Id < 2")).toEqual([1]);
  });

  it("supports in and not in", () => {
    expect(ids("Id in {1,3}")).toEqual([1, 3]);
    expect(ids("StatusCode not in {'passed','failed'}")).toEqual([3]);
  });

  it("treats 0, empty text and the minimum date as empty", () => {
    expect(ids("TestSetId is empty")).toEqual([3]);
    expect(ids("TestHost is empty")).toEqual([2]);
    expect(ids("DateStarted is not empty")).toEqual([1, 2]);
  });

  it("supports ~ as case-insensitive contains, with escaped quotes", () => {
    expect(ids("StatusCode ~ 'await'")).toEqual([3]);
    expect(ids("TestHost ~ 'o''brien'")).toEqual([3]);
  });

  it("supports booleans", () => {
    expect(ids("IsSequential = true")).toEqual([1]);
    expect(ids("is_sequential != TRUE")).toEqual([2, 3]);
  });

  it("compares a field with another field", () => {
    expect(ids("NbrPassed = NbrTests")).toEqual([1]);
  });

  it("compares dates, with a date-only literal matching the whole day", () => {
    expect(ids("DateStarted >= '2026-12-02'")).toEqual([2]);
    expect(ids("DateStarted = '2026-12-01'")).toEqual([1]);
    expect(ids("DateStarted < '2026-12-01T09:00:01'")).toEqual([1, 3]);
  });

  it("applies NOT, AND before OR, and parentheses", () => {
    expect(ids("Id = 1 OR Id = 2 AND StatusCode = 'Passed'")).toEqual([1]);
    expect(ids("(Id = 1 OR Id = 2) AND StatusCode = 'Failed'")).toEqual([2]);
    expect(ids("NOT (TestSetId = 10)")).toEqual([3]);
    expect(ids("not Id in {1} and not Id = 3")).toEqual([2]);
  });

  it("returns index hints only for top-level ANDed equalities, the rest as residual tests", () => {
    const hintsOf = (f: string) => compileFilter(f, RUN).hints.map(({ field, keys }) => ({ field, keys }));
    expect(hintsOf("TestSetId = 10 AND StatusCode in {'Passed','Failed'} AND Id > 1")).toEqual([
      { field: "test_set_id", keys: [10] },
      { field: "status_code", keys: ["passed", "failed"] },
    ]);
    expect(compileFilter("TestSetId = 10 AND StatusCode in {'Passed','Failed'} AND Id > 1", RUN).residual).toHaveLength(
      1,
    );
    expect(hintsOf("TestSetId = 10 OR Id = 1")).toEqual([]);
    expect(hintsOf("NOT TestSetId = 10")).toEqual([]);
    expect(hintsOf("DateStarted = '2026-12-01'")).toEqual([]);
  });

  it.each([
    [
      "Bogus = 1",
      /Unknown field 'Bogus' for a test run; known fields: DateStarted, Id, IsSequential, .* \(at column 1\)/,
    ],
    ["Id = 'x'", /'Id' is a number field: compare it with a number, not a string \(at column 6\)/],
    [
      "StatusCode = 3",
      /'StatusCode' is a string field: compare it with a quoted string, not a number \(at column 14\)/,
    ],
    ["IsSequential > true", /'>' does not apply to the true\/false field 'IsSequential' \(at column 1\)/],
    ["Id ~ 'x'", /'~' \(contains\) needs a text field/],
    ["DateStarted > 'yesterday'", /'yesterday' is not a date \(at column 15\)/],
    ["NbrTests = StatusCode", /Cannot compare number field 'NbrTests' with string field 'StatusCode' \(at column 12\)/],
    ["Id in {1, 'a'}", /'Id' is a number field/],
  ])("rejects %j with a located message", (filter, message) => {
    expect(() => compileFilter(filter, RUN)).toThrowError(message);
  });
});
