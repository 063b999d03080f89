import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Document,
  type LineCounter,
  type Node,
  type Pair,
  type YAMLMap,
} from "yaml";
import type { Diagnostic, PlanErrorCode, Severity } from "../errors.js";

/** A path into a plan document: map keys and sequence indexes. */
export type DocPath = readonly (string | number)[];

/** Where to point a diagnostic: a document path (value or key), or a character range. */
export type Where = { path: DocPath; part?: "key" | "value" } | { offset: number; end?: number };

/**
 * Longest source line a diagnostic carries: enough for any hand-written line, and it keeps
 * every diagnostic small even when a generated file puts megabytes on one line.
 */
const MAX_SOURCE_LINE = 500;

// Each mapping's pairs by key, built on first lookup: finding N keys in an N-key mapping stays
// linear (a search per lookup made a 100,000-key mapping take minutes).
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

function findPair(map: YAMLMap, key: string): Pair | undefined {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    // The last pair wins, as in the data (a duplicate key is reported separately).
    for (const p of map.items) if (isPair(p) && isScalar(p.key)) index.set(String(p.key.value), p);
    pairIndex.set(map, index);
  }
  return index.get(key);
}

/** JSON Pointer for a document path (`/entries/0/test`). */
export function pointer(path: DocPath): string {
  return path.map((p) => `/${String(p).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/**
 * One plan file's text and parsed document, able to turn a document path or an offset into
 * file:line:col and the source line, so every diagnostic points at the exact spot.
 */
export class SourceFile {
  constructor(
    readonly file: string,
    readonly text: string,
    readonly lineCounter: LineCounter,
    readonly doc: Document.Parsed | null,
  ) {}

  /** A diagnostic located in this file. */
  diagnostic(code: PlanErrorCode, message: string, where: Where, severity: Severity = "error"): Diagnostic {
    const [start, end] =
      "offset" in where ? [where.offset, where.end ?? where.offset + 1] : this.range(where.path, where.part ?? "value");
    const { line, col } = this.lineCounter.linePos(Math.min(start, this.text.length));
    const endColumn = Math.min(col + Math.max(1, end - start), this.lineLength(line) + 1);
    const d: Diagnostic = { code, severity, message, file: this.file, line, column: col, endColumn };
    // A problem past the cut gets no excerpt rather than a megabyte one.
    if (col <= MAX_SOURCE_LINE) d.sourceLine = this.lineText(line, MAX_SOURCE_LINE);
    if ("path" in where) d.path = pointer(where.path);
    return d;
  }

  /** `file:line` of a document path, for the origin of an entry. */
  origin(path: DocPath): { file: string; line: number; column: number } {
    const [start] = this.range(path, "value");
    const { line, col } = this.lineCounter.linePos(start);
    return { file: this.file, line, column: col };
  }

  /** The text of a 1-based line without its line break, at most `max` characters of it. */
  lineText(line: number, max = Infinity): string {
    const from = this.lineCounter.lineStarts[line - 1] ?? 0;
    // Only the characters wanted are copied: many problems on one long line stay linear.
    return this.text.slice(from, from + Math.min(this.lineLength(line), max));
  }

  /** Characters in a 1-based line, without its line break. */
  lineLength(line: number): number {
    const starts = this.lineCounter.lineStarts;
    const from = starts[line - 1] ?? 0;
    let to = starts[line] ?? this.text.length;
    if (this.text[to - 1] === "\n") to--;
    if (this.text[to - 1] === "\r") to--;
    return Math.max(0, to - from);
  }

  /**
   * The character range of the node at `path`; when the path runs past what exists (a missing
   * key), the deepest existing node. `part: "key"` gives the key of the last map entry instead.
   */
  range(path: DocPath, part: "key" | "value"): [number, number] {
    let node: unknown = this.doc?.contents ?? null;
    let best: [number, number] = [0, 1];
    const take = (n: unknown) => {
      const r = (n as Node | null)?.range;
      if (r) best = [r[0], Math.max(r[1], r[0] + 1)];
    };
    take(node);
    for (const [i, segment] of path.entries()) {
      if (isAlias(node) && this.doc) node = node.resolve(this.doc);
      if (isMap(node)) {
        const pair = findPair(node, String(segment));
        if (!pair) return best;
        if (part === "key" && i === path.length - 1) {
          take(pair.key);
          return best;
        }
        // A key with no value (`host:`) has no value node; point at its key.
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof segment === "number") {
        node = node.items[segment];
      } else {
        return best;
      }
      take(node);
    }
    return best;
  }
}
