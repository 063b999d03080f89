import { FilterError } from "../errors.js";
import { tokenize, type Token } from "./tokenize.js";

/** A literal on the right side of a condition. */
export type Literal =
  | { kind: "number"; value: number; pos: number }
  | { kind: "string"; value: string; pos: number }
  | { kind: "boolean"; value: boolean; pos: number }
  /** Another field of the same entity (reference §2.4: "right side may be another numeric field"). */
  | { kind: "field"; name: string; pos: number };

/** Comparison operators after normalisation (`is` → `=`, `is not` → `!=`, `<>` → `!=`). */
export type CompareOp = "=" | "!=" | ">" | "<" | ">=" | "<=" | "~";

/** One `Field op value` condition. */
export type Condition =
  | { type: "compare"; field: string; pos: number; op: CompareOp; value: Literal }
  | { type: "in"; field: string; pos: number; negated: boolean; values: Literal[] }
  | { type: "empty"; field: string; pos: number; negated: boolean };

/** The syntax tree of a filter. */
export type FilterNode =
  Condition | { type: "and" | "or"; left: FilterNode; right: FilterNode } | { type: "not"; operand: FilterNode };

const isKeyword = (t: Token, word: string) => t.kind === "ident" && t.text.toLowerCase() === word;

/** Most parentheses and NOTs nested inside each other; deeper input would exhaust the stack (a 500). */
const MAX_FILTER_DEPTH = 100;
/** Most conditions in one filter: AND/OR chains become trees as deep as they are long. */
const MAX_FILTER_CONDITIONS = 2000;

/**
 * Parses a QAComplete filter (reference §2.4, §11.13) by recursive descent.
 * Precedence, loosest first: OR, AND, NOT, then a condition or a parenthesised expression; AND
 * binding tighter than OR is the simulator's assumption (§11.13, precedence is not documented).
 * Nesting beyond {@link MAX_FILTER_DEPTH} and more than {@link MAX_FILTER_CONDITIONS} conditions are
 * refused, so that a hostile filter gets a 400 instead of exhausting the stack.
 * @throws FilterError with `SIM_FILTER_SYNTAX` and the column of the offending token.
 */
export function parseFilter(input: string): FilterNode {
  const tokens = tokenize(input);
  let i = 0;
  let depth = 0;
  let conditions = 0;
  const peek = () => tokens[i]!;
  const next = () => tokens[i++]!;
  const fail = (message: string, t: Token = peek()): never => {
    throw new FilterError("SIM_FILTER_SYNTAX", message, t.pos);
  };
  const describe = (t: Token) => (t.kind === "end" ? "end of filter" : `'${t.text}'`);

  // `a OR b OR c` and `a AND b AND c`, left-associative; AND binds tighter.
  const parseChain = (type: "or" | "and", parseOperand: () => FilterNode): FilterNode => {
    let left = parseOperand();
    while (isKeyword(peek(), type)) {
      next();
      left = { type, left, right: parseOperand() };
    }
    return left;
  };
  const parseOr = (): FilterNode => parseChain("or", parseAnd);
  const parseAnd = (): FilterNode => parseChain("and", parseUnary);
  const parseUnary = (): FilterNode => {
    const t = peek();
    if (!isKeyword(t, "not") && t.kind !== "lparen") return parseCondition();
    if (++depth > MAX_FILTER_DEPTH) fail(`The filter nests parentheses and NOT more than ${MAX_FILTER_DEPTH} deep`, t);
    next();
    let node: FilterNode;
    if (t.kind === "lparen") {
      node = parseOr();
      if (peek().kind !== "rparen") fail(`Expected ')' but found ${describe(peek())}`);
      next();
    } else node = { type: "not", operand: parseUnary() };
    depth -= 1;
    return node;
  };
  const parseLiteral = (): Literal => {
    const t = next();
    if (t.kind === "number") return { kind: "number", value: Number(t.text), pos: t.pos };
    if (t.kind === "string") return { kind: "string", value: t.text, pos: t.pos };
    if (isKeyword(t, "true") || isKeyword(t, "false"))
      return { kind: "boolean", value: t.text.toLowerCase() === "true", pos: t.pos };
    if (t.kind === "ident" && !["and", "or", "not"].includes(t.text.toLowerCase()))
      return { kind: "field", name: t.text, pos: t.pos };
    return fail(`Expected a value (number, 'string', true/false or a field) but found ${describe(t)}`, t);
  };
  const parseList = (): Literal[] => {
    if (peek().kind !== "lbrace") fail(`Expected '{' to start the list but found ${describe(peek())}`);
    next();
    const values: Literal[] = [];
    if (peek().kind === "rbrace") fail("A list needs at least one value");
    for (;;) {
      const value = parseLiteral();
      if (value.kind === "field")
        fail("A list may only hold numbers, strings or booleans", { kind: "ident", text: value.name, pos: value.pos });
      values.push(value);
      const sep = next();
      if (sep.kind === "rbrace") return values;
      if (sep.kind !== "comma") fail(`Expected ',' or '}' in the list but found ${describe(sep)}`, sep);
    }
  };
  const parseCondition = (): Condition => {
    const fieldToken = next();
    if (fieldToken.kind !== "ident") return fail(`Expected a field name but found ${describe(fieldToken)}`, fieldToken);
    if (++conditions > MAX_FILTER_CONDITIONS)
      fail(`The filter has more than ${MAX_FILTER_CONDITIONS} conditions; use in {...} lists`, fieldToken);
    const base = { field: fieldToken.text, pos: fieldToken.pos };
    const t = peek();
    if (t.kind === "op") {
      next();
      return { type: "compare", ...base, op: t.text as CompareOp, value: parseLiteral() };
    }
    if (isKeyword(t, "in")) {
      next();
      return { type: "in", ...base, negated: false, values: parseList() };
    }
    if (isKeyword(t, "not")) {
      next();
      if (!isKeyword(peek(), "in")) fail(`Expected 'in' after 'not' but found ${describe(peek())}`);
      next();
      return { type: "in", ...base, negated: true, values: parseList() };
    }
    if (isKeyword(t, "is")) {
      next();
      const negated = isKeyword(peek(), "not");
      if (negated) next();
      if (isKeyword(peek(), "empty")) {
        next();
        return { type: "empty", ...base, negated };
      }
      // `SecurityGroup is not 'Security Admin'` (reference §2.4): `is` compares like `=`.
      return { type: "compare", ...base, op: negated ? "!=" : "=", value: parseLiteral() };
    }
    return fail(
      `Expected an operator (=, !=, >, <, >=, <=, ~, in, not in, is) after '${fieldToken.text}' but found ` +
        `${describe(t)}`,
      t,
    );
  };

  if (peek().kind === "end") fail("The filter is empty");
  const tree = parseOr();
  if (peek().kind !== "end") fail(`Expected AND, OR or the end of the filter but found ${describe(peek())}`);
  return tree;
}
