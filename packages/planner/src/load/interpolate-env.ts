import {
  isAlias,
  isCollection,
  isNode,
  isScalar,
  parseDocument,
  visit,
  type Document,
  type Node,
  type Scalar,
} from "yaml";
import type { Diagnostic } from "../errors.js";
import type { SourceFile } from "./source-file.js";

/** Environment variables for `${VAR}` interpolation. */
export type Env = Readonly<Record<string, string | undefined>>;

/** One piece of a value: literal text, or a `${NAME}` / `${NAME:-default}` expression (`name` null: malformed). */
type Piece = { text: string } | { name: string | null; fallback: string | undefined; raw: string };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Splits a value into text and expressions. A default runs to the `}` that balances the
 * expression's own `{`, so `${ROUTES:-{a: b}}` keeps its braces; `$${` is a literal `${`.
 */
function scan(value: string): Piece[] {
  const pieces: Piece[] = [];
  let text = "";
  let i = 0;
  while (i < value.length) {
    if (value.startsWith("$${", i)) {
      text += "${";
      i += 3;
      continue;
    }
    if (!value.startsWith("${", i)) {
      text += value[i];
      i += 1;
      continue;
    }
    let depth = 1;
    let end = i + 2;
    for (; end < value.length && depth > 0; end += 1) {
      if (value[end] === "{") depth += 1;
      else if (value[end] === "}") depth -= 1;
    }
    if (text) pieces.push({ text });
    text = "";
    const raw = value.slice(i, end);
    const body = depth === 0 ? raw.slice(2, -1) : "";
    const split = body.indexOf(":-");
    const name = split < 0 ? body : body.slice(0, split);
    const fallback = split < 0 ? undefined : body.slice(split + 2);
    pieces.push({ name: depth === 0 && NAME.test(name) ? name : null, fallback, raw });
    i = depth === 0 ? end : value.length;
  }
  if (text) pieces.push({ text });
  return pieces;
}

/**
 * Replaces `${VAR}` and `${VAR:-default}` in every string value of the document (not in keys)
 * from `env`. A plain (unquoted) value that is exactly one expression is re-read as YAML, so
 * `forceNewRun: ${FORCE:-false}` gives a boolean and `configurations: ${BROWSERS:-[chrome, firefox]}`
 * a list (mappings too); the schema then checks what came out, and its problems point at the
 * `${...}`. A value is read once: a variable whose value holds `${` is not expanded again.
 * Missing variables become diagnostics.
 */
export function interpolateEnv(doc: Document, source: SourceFile, env: Env): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const injected = new WeakSet<Node>();
  visit(doc, {
    Collection: (_key, node) => (injected.has(node) ? visit.SKIP : undefined),
    Scalar(key, node) {
      if (key === "key" || injected.has(node) || typeof node.value !== "string" || !node.value.includes("${"))
        return undefined;
      const replaced = substitute(node, env, source, diagnostics);
      if (isNode(replaced)) {
        markInjected(replaced, node.range, injected);
        return replaced;
      }
      if (replaced !== undefined) node.value = replaced;
      return undefined;
    },
  });
  return diagnostics;
}

function substitute(node: Scalar, env: Env, source: SourceFile, diagnostics: Diagnostic[]): unknown {
  const pieces = scan(node.value as string);
  const where = { offset: node.range?.[0] ?? 0, end: node.range?.[1] };
  let failed = false;
  const out = pieces
    .map((piece) => {
      if ("text" in piece) return piece.text;
      if (piece.name === null) {
        failed = true;
        const hint = "write `${NAME}` or `${NAME:-default}` (NAME: letters, digits, _), or `$${` for a literal `${`";
        diagnostics.push(source.diagnostic("PLAN_ENV", `malformed \`\${...}\`: ${hint}`, where));
        return piece.raw;
      }
      const set = env[piece.name];
      if (set !== undefined && (set !== "" || piece.fallback === undefined)) return set;
      if (piece.fallback !== undefined) return piece.fallback;
      failed = true;
      const name = piece.name;
      diagnostics.push(
        source.diagnostic(
          "PLAN_ENV",
          `environment variable ${name} is not set; set it, or give a default with \`\${${name}:-value}\``,
          where,
        ),
      );
      return piece.raw;
    })
    .join("");
  if (failed) return undefined;
  const whole = pieces.length === 1 && !("text" in pieces[0]!);
  return whole && node.type === "PLAIN" ? reread(out) : out;
}

/** The text as YAML: a boolean, number, list or mapping; anything else (or unreadable) stays the text. */
function reread(text: string): unknown {
  const parsed = parseDocument(text);
  if (parsed.errors.length > 0 || parsed.warnings.length > 0) return text;
  const contents = parsed.contents;
  if (isScalar(contents)) {
    return typeof contents.value === "boolean" || typeof contents.value === "number" ? contents.value : text;
  }
  if (!isCollection(contents)) return text;
  // An alias would point into the variable's own little document: keep such a value as text.
  let alias = false;
  visit(contents, { Alias: () => void (alias = true) });
  return alias || isAlias(contents) ? text : contents;
}

/** Every node of an injected value points at the `${...}` it came from, so problems are shown there. */
function markInjected(root: Node, range: Node["range"], injected: WeakSet<Node>): void {
  const mark = (node: Node) => {
    injected.add(node);
    if (range) node.range = [range[0], range[1], range[2]];
  };
  mark(root);
  visit(root, {
    Node: (_key, node) => void mark(node),
    Pair: (_key, pair) => {
      if (isNode(pair.key)) mark(pair.key);
    },
  });
}
