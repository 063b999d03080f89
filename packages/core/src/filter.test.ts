import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { filter, filterLiteral } from "./filter.js";
import { isQacError } from "./errors.js";

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return isQacError(error) ? error.code : "not a QacError";
  }
  return undefined;
};

describe("filter", () => {
  it("builds the contract example exactly", () => {
    expect(filter.and(filter.eq("TestSetId", 5), filter.in("Id", [1, 2]))).toBe("(TestSetId = 5) AND (Id in {1,2})");
  });

  it("writes every comparison operator", () => {
    expect([
      filter.eq("A", 1),
      filter.ne("A", 1),
      filter.gt("A", 1),
      filter.lt("A", 1),
      filter.ge("A", 1),
      filter.le("A", 1),
    ]).toEqual(["(A = 1)", "(A != 1)", "(A > 1)", "(A < 1)", "(A >= 1)", "(A <= 1)"]);
  });

  it("quotes strings and doubles single quotes", () => {
    expect(filter.eq("Title", "O'Brien's test")).toBe("(Title = 'O''Brien''s test')");
    expect(filter.contains("Title", "it's")).toBe("(Title ~ 'it''s')");
  });

  it("writes booleans bare, numeric lists with in, and other lists as OR of = (documented forms only)", () => {
    expect(filter.eq("active", true)).toBe("(active = true)");
    expect(filter.notIn("Id", [3])).toBe("(Id not in {3})");
    expect(filter.anyOf("Title", ["a'b", "c"])).toBe("((Title = 'a''b') OR (Title = 'c'))");
    expect(filter.anyOf("Title", ["x"])).toBe("(Title = 'x')");
    expect(filter.and(filter.eq("A", 1), filter.anyOf("S", ["p", "q"]))).toBe("(A = 1) AND ((S = 'p') OR (S = 'q'))");
  });

  it("refuses strings in in/notIn, which QAComplete documents for numeric constants only (§13)", () => {
    expect(() => filter.in("StatusCode", ["Awaiting Run"] as unknown as number[])).toThrow(/numbers only.*anyOf/);
    expect(code(() => filter.notIn("Title", ["a"] as unknown as number[]))).toBe("CORE_INVALID_ARGUMENT");
    expect(code(() => filter.anyOf("Title", []))).toBe("CORE_INVALID_ARGUMENT");
  });

  it("writes empty checks", () => {
    expect(filter.isEmpty("FolderId")).toBe("(FolderId is empty)");
    expect(filter.isNotEmpty("FolderId")).toBe("(FolderId is not empty)");
  });

  it("parenthesises nested AND/OR/NOT so precedence never matters", () => {
    const f = filter.or(filter.and(filter.eq("A", 1), filter.eq("B", 2)), filter.not(filter.eq("C", "x")));
    expect(f).toBe("((A = 1) AND (B = 2)) OR (NOT (C = 'x'))");
    expect(filter.not(filter.and(filter.eq("A", 1), filter.eq("B", 2)))).toBe("NOT ((A = 1) AND (B = 2))");
  });

  it("does not mistake parentheses inside quotes for grouping", () => {
    const f = filter.and(filter.eq("T", "a) OR (b"), filter.eq("U", 1));
    expect(filter.or(f, filter.eq("V", 2))).toBe("((T = 'a) OR (b') AND (U = 1)) OR (V = 2)");
  });

  it("returns a single operand of and() unchanged", () => {
    expect(filter.and(filter.eq("A", 1))).toBe("(A = 1)");
  });

  it("rejects empty in-lists, non-finite numbers, odd field names and empty and()", () => {
    expect(code(() => filter.in("Id", []))).toBe("CORE_INVALID_ARGUMENT");
    expect(code(() => filter.notIn("Id", []))).toBe("CORE_INVALID_ARGUMENT");
    expect(code(() => filter.eq("Id", Number.NaN))).toBe("CORE_INVALID_ARGUMENT");
    expect(code(() => filter.in("Id", [1, Number.POSITIVE_INFINITY]))).toBe("CORE_INVALID_ARGUMENT");
    expect(code(() => filter.eq("Id = 1) OR (1", 1))).toBe("CORE_INVALID_ARGUMENT");
    expect(code(() => filter.and())).toBe("CORE_INVALID_ARGUMENT");
  });

  it("names the field in the empty-list error", () => {
    expect(() => filter.in("TestSetId", [])).toThrow(/in\("TestSetId", \[\]\) has no values/);
  });

  it("wraps raw text in parentheses once", () => {
    expect(filter.raw("A = 1 OR B = 2")).toBe("(A = 1 OR B = 2)");
    expect(filter.raw("(A = 1)")).toBe("(A = 1)");
  });
});

describe("filter properties", () => {
  it("quotes any string so that un-doubling the inside gives it back", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const literal = filterLiteral(s);
        const inside = literal.slice(1, -1);
        expect(literal.startsWith("'") && literal.endsWith("'")).toBe(true);
        expect(inside.replaceAll("''", "")).not.toContain("'");
        expect(inside.replaceAll("''", "'")).toBe(s);
      }),
    );
  });
});
