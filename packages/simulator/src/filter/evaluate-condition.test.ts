import { describe, expect, it } from "vitest";
import { compileCondition } from "./evaluate-condition.js";
import { parseFilter, type Condition } from "./parse-filter.js";
import type { FieldType } from "./resolve-field.js";

const TYPES: Record<string, FieldType> = { n: "number", s: "string", b: "boolean", d: "date" };
const resolve = (name: string) => ({ field: name, type: TYPES[name]! });
const test = (filter: string, row: Record<string, unknown>) =>
  compileCondition(parseFilter(filter) as Condition, resolve)(row);

describe("compileCondition", () => {
  it("compares numbers with every operator", () => {
    const row = { n: 5 };
    expect(["n = 5", "n != 4", "n > 4", "n < 6", "n >= 5", "n <= 5"].map((f) => test(f, row))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(["n = 4", "n != 5", "n > 5", "n < 5", "n >= 6", "n <= 4"].map((f) => test(f, row))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("compares text ignoring case, and orders it", () => {
    expect(test("s = 'ABC'", { s: "abc" })).toBe(true);
    expect(test("s != 'abc'", { s: "ABC" })).toBe(false);
    expect(test("s < 'b'", { s: "Apple" })).toBe(true);
    expect(test("s ~ 'PP'", { s: "Apple" })).toBe(true);
    expect(test("s ~ 'x'", { s: undefined })).toBe(false);
  });

  it("treats a missing text field as empty text", () => {
    expect(test("s = ''", {})).toBe(true);
    expect(test("s is empty", {})).toBe(true);
  });

  it("compares booleans and dates", () => {
    expect(test("b = false", { b: false })).toBe(true);
    expect(test("b != true", { b: true })).toBe(false);
    expect(test("d > '2026-12-01T08:59:59'", { d: "2026-12-01T09:00:00.0000000" })).toBe(true);
    expect(test("d = '2026-12-01'", { d: "2026-12-01T23:59:59.9990000" })).toBe(true);
    expect(test("d != '2026-12-01'", { d: "2026-12-02T00:00:00.0000000" })).toBe(true);
    expect(test("d is empty", { d: "0001-01-01T00:00:00.0000000" })).toBe(true);
  });

  it("matches lists exactly (numbers) and ignoring case (text)", () => {
    expect(test("n in {1, 5}", { n: 5 })).toBe(true);
    expect(test("n not in {1, 5}", { n: 5 })).toBe(false);
    expect(test("s in {'PASSED'}", { s: "Passed" })).toBe(true);
  });
});
