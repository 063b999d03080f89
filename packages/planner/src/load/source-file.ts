import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";
import type { Diagnostic, PlanErrorCode, Severity } from "../errors.js";

/** A path into a plan document: map keys and sequence indexes. */
export type DocPath = readonly (string | number)[];

/** Where to point a diagnostic: a document path (value or key), or a character range. */
export type Where = { path: DocPath; part?: "key" | "value" } | { offset: number; end?: number };

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
    const [start, end] = "offset" in where ? [where.offset, where.end ?? where.offset + 1] : this.range(where.path, where.part ?? "value");
    const { line, col } = this.lineCounter.linePos(Math.min(start, this.text.length));
    const sourceLine = this.lineText(line);
    const endColumn = Math.min(col + Math.max(1, end - start), sourceLine.length + 1);
    const d: Diagnostic = { code, severity, message, file: this.file, line, column: col, endColumn, sourceLine };
    if ("path" in where) d.path = pointer(where.path);
    return d;
  }

  /** `file:line` of a document path, for the origin of an entry. */
  origin(path: DocPath): { file: string; line: number; column: number } {
    const [start] = this.range(path, "value");
    const { line, col } = this.lineCounter.linePos(start);
    return { file: this.file, line, column: col };
  }

  /** The text of a 1-based line without its line break. */
  lineText(line: number): string {
    const starts = this.lineCounter.lineStarts;
    const from = starts[line - 1] ?? 0;
    const to = starts[line] ?? this.text.length;
    return this.text.slice(from, to).replace(/\r?\n$/, "");
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
        // The last pair wins, as in the data (a duplicate key is reported separately).
        const pair = node.items.findLast((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
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
