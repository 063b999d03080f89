import { describe, expect, it } from "vitest";
import { parseFilter } from "./parse-filter.js";

describe("parseFilter", () => {
  it("parses a comparison", () => {
    expect(parseFilter("AssigneeUserId = 1486")).toEqual({
      type: "compare",
      field: "AssigneeUserId",
      pos: 0,
      op: "=",
      value: { kind: "number", value: 1486, pos: 17 },
    });
  });

  it("binds AND tighter than OR", () => {
    const tree = parseFilter("a = 1 OR b = 2 AND c = 3");
    expect(tree.type).toBe("or");
    if (tree.type !== "or") throw new Error("unreachable");
    expect(tree.right.type).toBe("and");
  });

  it("lets parentheses override precedence", () => {
    const tree = parseFilter("(a = 1 OR b = 2) and c = 3");
    expect(tree.type).toBe("and");
  });

  it("accepts keywords in any case", () => {
    expect(parseFilter("NOT x Is Not Empty or y IN {1} And z not IN {2}").type).toBe("or");
  });

  it("reads in / not in lists with strings and numbers", () => {
    expect(parseFilter("Status not in {'Passed', 'Failed'}")).toMatchObject({
      type: "in",
      negated: true,
      values: [
        { kind: "string", value: "Passed" },
        { kind: "string", value: "Failed" },
      ],
    });
  });

  it("reads is empty, is not empty and is 'text'", () => {
    expect(parseFilter("FolderId is empty")).toMatchObject({ type: "empty", negated: false });
    expect(parseFilter("FolderId is not empty")).toMatchObject({ type: "empty", negated: true });
    expect(parseFilter("SecurityGroup is not 'Security Admin'")).toMatchObject({
      type: "compare",
      op: "!=",
      value: { value: "Security Admin" },
    });
  });

  it("reads booleans and a field on the right side", () => {
    expect(parseFilter("active = true")).toMatchObject({ value: { kind: "boolean", value: true } });
    expect(parseFilter("NbrPassed = NbrTests")).toMatchObject({ value: { kind: "field", name: "NbrTests" } });
  });

  it("accepts nesting and chains up to the limits", () => {
    expect(() => parseFilter(`${"(".repeat(100)}Id = 1${")".repeat(100)}`)).not.toThrow();
    expect(() => parseFilter(Array.from({ length: 2000 }, () => "Id = 1").join(" OR "))).not.toThrow();
  });

  it("parses the reference's mixed example", () => {
    expect(() =>
      parseFilter("(UserId = 1254) OR (SecurityGroup is not 'Security Admin') AND (SpouseName != 'Mary')"),
    ).not.toThrow();
  });

  it.each([
    ["", /The filter is empty \(at column 1\)/],
    ["Id =", /Expected a value .* but found end of filter \(at column 5\)/],
    ["(Id = 1", /Expected '\)' but found end of filter \(at column 8\)/],
    ["Id = 1 Id = 2", /Expected AND, OR or the end of the filter but found 'Id' \(at column 8\)/],
    ["Id 5", /Expected an operator .* after 'Id' but found '5' \(at column 4\)/],
    ["Id in 1,2", /Expected '\{' to start the list but found '1' \(at column 7\)/],
    ["Id in {}", /A list needs at least one value \(at column 8\)/],
    ["Id in {1 2}", /Expected ',' or '\}' in the list but found '2' \(at column 10\)/],
    ["Id not = 3", /Expected 'in' after 'not' but found '=' \(at column 8\)/],
    ["= 3", /Expected a field name but found '=' \(at column 1\)/],
    ["Id = 1 AND", /Expected a field name but found end of filter \(at column 11\)/],
    [`${"(".repeat(101)}Id = 1${")".repeat(101)}`, /nests parentheses and NOT more than 100 deep \(at column 101\)/],
    [
      Array.from({ length: 2001 }, () => "Id = 1").join(" OR "),
      /more than 2000 conditions; use in \{\.\.\.\} lists \(at column 20001\)/,
    ],
  ])("rejects %j with a located message", (text, message) => {
    expect(() => parseFilter(text)).toThrowError(message);
  });
});
