import { FilterError } from "../errors.js";

/** Kinds of token in the QAComplete filter language (reference §2.4). */
type TokenKind = "ident" | "number" | "string" | "op" | "lparen" | "rparen" | "lbrace" | "rbrace" | "comma" | "end";

/** One token with its 0-based start offset (for error messages). */
export interface Token {
  kind: TokenKind;
  /** Identifier text, operator, number text, or the unquoted string value. */
  text: string;
  pos: number;
}

const OPERATORS = ["!=", "<>", ">=", "<=", "=", ">", "<", "~"] as const;
const PUNCT: Record<string, TokenKind> = { "(": "lparen", ")": "rparen", "{": "lbrace", "}": "rbrace", ",": "comma" };

/**
 * Splits a filter into tokens. Strings are single-quoted and a doubled quote (`''`) stands for one
 * quote inside a string (the SQL convention; the reference does not document escaping, §2.4).
 */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const punct = PUNCT[ch];
    if (punct) {
      tokens.push({ kind: punct, text: ch, pos: i });
      i++;
      continue;
    }
    if (ch === "'") {
      const start = i;
      let value = "";
      i++;
      for (;;) {
        if (i >= input.length) throw new FilterError("SIM_FILTER_SYNTAX", "Unterminated string literal", start);
        if (input[i] === "'") {
          if (input[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += input[i];
        i++;
      }
      tokens.push({ kind: "string", text: value, pos: start });
      continue;
    }
    const number = /^-?\d+(?:\.\d+)?/.exec(input.slice(i));
    if (number && (ch !== "-" || /\d/.test(input[i + 1] ?? ""))) {
      tokens.push({ kind: "number", text: number[0], pos: i });
      i += number[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(input.slice(i));
    if (ident) {
      tokens.push({ kind: "ident", text: ident[0], pos: i });
      i += ident[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => input.startsWith(o, i));
    if (op) {
      tokens.push({ kind: "op", text: op === "<>" ? "!=" : op, pos: i });
      i += op.length;
      continue;
    }
    if (ch === '"')
      throw new FilterError(
        "SIM_FILTER_SYNTAX",
        "Strings are quoted with single quotes ('text'), not double quotes",
        i,
      );
    throw new FilterError("SIM_FILTER_SYNTAX", `Unexpected character '${ch}'`, i);
  }
  tokens.push({ kind: "end", text: "", pos: input.length });
  return tokens;
}
