import { readFileSync } from "node:fs";
import { LineCounter, parseDocument, isNode } from "yaml";
import { SeedError, SimulatorError, type SeedProblem } from "../errors.js";
import type { SeedDocument } from "./seed-document.js";
import { validateSeed } from "./validate-seed.js";

/**
 * Parses and validates seed YAML text.
 * @param file shown in error messages (a path, or a label such as "<inline>")
 * @throws SeedError listing every problem as `file:line: /path: message`
 */
export function parseSeed(source: string, file: string): SeedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new SeedError(
      file,
      doc.errors.map((e) => ({
        path: `line ${e.linePos?.[0].line ?? "?"}`,
        message: e.message.split("\n")[0] ?? e.message,
      })),
    );
  }
  const result = validateSeed(doc.toJS());
  if (result.ok) return result.seed;
  const located = result.problems.map((p): SeedProblem => {
    const segments = p.path
      .split("/")
      .slice(1)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    let node: unknown = doc.getIn(segments, true);
    // A missing key has no node: point at its parent mapping instead.
    for (let n = segments.length - 1; !isNode(node) && n >= 0; n--) node = doc.getIn(segments.slice(0, n), true);
    const offset = isNode(node) ? node.range?.[0] : undefined;
    const line = offset === undefined ? undefined : lineCounter.linePos(offset).line;
    return { path: line === undefined ? p.path : `line ${line}: ${p.path || "/"}`, message: p.message };
  });
  throw new SeedError(file, located);
}

/**
 * Reads, parses and validates a seed YAML file.
 * @throws SimulatorError `SIM_SEED_READ` when the file cannot be read, SeedError when it is invalid
 */
export function loadSeedFile(path: string): SeedDocument {
  let source: string;
  try {
    source = readFileSync(path, "utf8");
  } catch (cause) {
    throw new SimulatorError("SIM_SEED_READ", `Cannot read seed file ${path}: ${(cause as Error).message}`, { cause });
  }
  return parseSeed(source, path);
}
