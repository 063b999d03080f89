import { describe, expect, it } from "vitest";
import { FilterError } from "../errors.js";
import { tokenize } from "./tokenize.js";

const kinds = (s: string) => tokenize(s).map((t) => `${t.kind}:${t.text}`);

describe("tokenize", () => {
  it("splits a condition into identifier, operator and number", () => {
    expect(kinds("TestSetId >= 12")).toEqual(["ident:TestSetId", "op:>=", "number:12", "end:"]);
  });

  it("reads single-quoted strings with a doubled quote as an escaped quote", () => {
    expect(tokenize("Title = 'Bob''s cart'")[2]).toEqual({ kind: "string", text: "Bob's cart", pos: 8 });
  });

  it("reads lists, parentheses and negative numbers", () => {
    expect(kinds("(Id in {1,-2})")).toEqual([
      "lparen:(",
      "ident:Id",
      "ident:in",
      "lbrace:{",
      "number:1",
      "comma:,",
      "number:-2",
      "rbrace:}",
      "rparen:)",
      "end:",
    ]);
  });

  it("treats <> as !=", () => {
    expect(kinds("a <> 1")[1]).toBe("op:!=");
  });

  it("reports an unterminated string with its column", () => {
    expect(() => tokenize("Title = 'abc")).toThrowError(/Unterminated string literal \(at column 9\)/);
  });

  it("explains that double quotes are not string quotes", () => {
    const err = (() => {
      try {
        tokenize('Title = "x"');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(FilterError);
    expect((err as FilterError).code).toBe("SIM_FILTER_SYNTAX");
    expect((err as FilterError).position).toBe(8);
  });

  it("rejects stray characters", () => {
    expect(() => tokenize("Id = 1 ; drop")).toThrowError(/Unexpected character ';' \(at column 8\)/);
  });
});
