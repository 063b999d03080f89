import { isCollection, isScalar, LineCounter, parseDocument, visit, type Document, type YAMLError } from "yaml";
import type { Diagnostic, PlanErrorCode } from "../errors.js";
import { interpolateEnv, type Env } from "./interpolate-env.js";
import { SourceFile } from "./source-file.js";

/** A document expanding more aliases than this is refused (guards against "billion laughs"). */
const MAX_ALIAS_COUNT = 100;

/** A parsed plan file: its source (for locating problems), its data, and what went wrong. */
export interface ParsedSource {
  source: SourceFile;
  /** The document as plain data (`undefined` when it could not be built). */
  data: unknown;
  diagnostics: Diagnostic[];
}

const yamlCodes: Partial<Record<YAMLError["code"], PlanErrorCode>> = {
  TAB_AS_INDENT: "PLAN_TAB",
};

/**
 * Plans with more values than this are refused before parsing: a YAML document costs about 2 KiB
 * of memory per value, so this keeps one plan under roughly half a GiB (a 10,000-entry plan has
 * about 60,000). Lines, commas and flow brackets are counted as an upper bound of values.
 */
export const MAX_VALUES = 250_000;

/** Upper bound of the values in a YAML text (see {@link MAX_VALUES}). */
export function countValues(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 44 || c === 91 || c === 123) n++; // \n , [ {
  }
  return n;
}

/** After this many syntax errors in one file the rest are summarised: they are mostly echoes. */
const MAX_SYNTAX_ERRORS = 20;

const yamlHints: Partial<Record<YAMLError["code"], string>> = {
  TAB_AS_INDENT: "indent with spaces",
  MULTIPLE_DOCS: "a plan is one YAML document; split it into files and combine them with `include:`",
  BAD_INDENT: "check the indentation of this line against its siblings",
  RESOURCE_EXHAUSTION: "the document nests too deeply to process; flatten it",
};

/**
 * Parses plan text as YAML (strict: unique keys, bounded aliases), interpolates `${VAR}` in
 * string values, and converts it to data. Syntax problems become diagnostics; never throws for
 * bad input.
 */
export function parseSource(file: string, text: string, env: Env): ParsedSource {
  const lineCounter = new LineCounter();
  if (countValues(text) > MAX_VALUES) {
    const source = new SourceFile(file, text, lineCounter, null);
    const message =
      `plan has more than ${MAX_VALUES.toLocaleString("en")} lines and values, more than a plan ` +
      `should need; split it into files combined with \`include:\``;
    return {
      source,
      data: undefined,
      diagnostics: [{ code: "PLAN_FILE_TOO_LARGE", severity: "error", message, file, line: 1, column: 1 }],
    };
  }
  const doc = parseDocument(text, {
    lineCounter,
    // yaml finds duplicate keys by comparing each key with every earlier one (minutes for a
    // 100,000-key mapping); checkKeys does it with a set per mapping.
    uniqueKeys: false,
    prettyErrors: false,
    strict: true,
    keepSourceTokens: false,
    logLevel: "error",
  });
  const source = new SourceFile(file, text, lineCounter, doc);
  const diagnostics: Diagnostic[] = [];
  for (const error of doc.errors.slice(0, MAX_SYNTAX_ERRORS)) diagnostics.push(fromYamlError(source, error, "error"));
  if (doc.errors.length > MAX_SYNTAX_ERRORS) {
    const last = doc.errors[doc.errors.length - 1]!;
    diagnostics.push(
      source.diagnostic(
        "PLAN_YAML",
        `${doc.errors.length - MAX_SYNTAX_ERRORS} more syntax errors follow (the last one is here); fix the first ` +
          `ones and validate again`,
        { offset: last.pos[0] },
      ),
    );
  }
  for (const warning of doc.warnings.slice(0, MAX_SYNTAX_ERRORS))
    diagnostics.push(fromYamlError(source, warning, "warning"));
  for (const item of findTabIndents(source, diagnostics)) diagnostics.push(item);
  const keys = checkKeys(doc, source);
  for (const item of keys.diagnostics) diagnostics.push(item);
  // A duplicate key leaves a usable document (the later value wins): keep checking so every
  // problem is reported at once. Other syntax errors make the structure unreliable.
  if (keys.collectionKeys || doc.errors.length > 0) return { source, data: undefined, diagnostics };
  for (const item of interpolateEnv(doc, source, env)) diagnostics.push(item);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml throws a ReferenceError for excessive alias expansion; anything else is a bug in yaml.
    const message = error instanceof Error ? error.message : String(error);
    diagnostics.push(
      source.diagnostic(
        "PLAN_ALIAS_LIMIT",
        `aliases expand too much (${message}); write the values out or use fewer nested aliases`,
        { offset: 0 },
      ),
    );
    return { source, data: undefined, diagnostics };
  }
  if (data === null || data === undefined)
    diagnostics.push(
      source.diagnostic("PLAN_EMPTY", "the plan is empty; start with `version: 1` and a `project:`", { offset: 0 }),
    );
  return { source, data, diagnostics };
}

function fromYamlError(source: SourceFile, error: YAMLError, severity: "error" | "warning"): Diagnostic {
  const code = yamlCodes[error.code] ?? "PLAN_YAML";
  const end = error.pos[1];
  const text = error.message.replace(/ at line \d+, column \d+.*$/s, "").trim();
  const hint = yamlHints[error.code];
  const message = `${text}${hint ? `; ${hint}` : ""} (YAML ${error.code})`;
  return source.diagnostic(code, message, { offset: error.pos[0], end }, severity);
}

/**
 * yaml reports most tab indentation as generic syntax errors; name the tab explicitly, once
 * per line, unless yaml already did.
 */
function findTabIndents(source: SourceFile, already: Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set(already.filter((d) => d.code === "PLAN_TAB").map((d) => d.line));
  const starts = source.lineCounter.lineStarts;
  for (const [i, start] of starts.entries()) {
    if (seen.has(i + 1)) continue;
    let j = start;
    while (source.text[j] === " ") j++;
    if (source.text[j] === "\t") {
      out.push(source.diagnostic("PLAN_TAB", "a tab is used for indentation; YAML needs spaces", { offset: j }));
      if (out.length >= 20) break;
    }
  }
  return out;
}

/**
 * Checks every mapping's keys in one pass: a key used twice (the later value wins, so checking
 * goes on) and a list or mapping used as a key (`? [a, b]`, which has no place in a plan and
 * would only be stringified, with a process warning from yaml).
 */
function checkKeys(doc: Document.Parsed, source: SourceFile): { diagnostics: Diagnostic[]; collectionKeys: boolean } {
  const diagnostics: Diagnostic[] = [];
  let collectionKeys = false;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (isCollection(pair.key)) {
          collectionKeys = true;
          const [start, end] = pair.key.range ?? [0, 1];
          diagnostics.push(
            source.diagnostic(
              "PLAN_YAML",
              "a key must be a plain name, not a list or a mapping; write the key as text",
              { offset: start, end },
            ),
          );
        } else if (isScalar(pair.key)) {
          if (seen.has(pair.key.value)) diagnostics.push(duplicateKey(source, pair.key.range?.[0] ?? 0));
          seen.add(pair.key.value);
        }
      }
    },
  });
  return { diagnostics, collectionKeys };
}

/** A key that appears twice, named and underlined as written. */
function duplicateKey(source: SourceFile, offset: number): Diagnostic {
  const key = /^("[^"\n]*"|'[^'\n]*'|[^:\n#]+)/.exec(source.text.slice(offset, offset + 1100))?.[0].trimEnd() ?? "";
  const name = key.startsWith('"') || key.startsWith("'") ? key : JSON.stringify(key);
  const end = offset + Math.max(1, key.length);
  return source.diagnostic(
    "PLAN_DUPLICATE_KEY",
    `key ${name} appears twice in this mapping; remove or rename one of them (YAML DUPLICATE_KEY)`,
    { offset, end },
  );
}
