import { posix } from "node:path";
import { manifestOf, type TarballFiles } from "./tarball.js";

/** What a package may ship besides `dist/`: assets read at run time, and the files npm always adds. */
export interface ShipRules {
  /** Files outside `dist/` the package needs (`demo-seed.yaml`, `plan.schema.json`, `bin/qac.js`). */
  assets: readonly RegExp[];
  /** Absolute paths that must not appear in any shipped file (the monorepo's own location). */
  forbiddenPaths: readonly string[];
}

const ALWAYS = new Set(["package.json", "README.md", "LICENSE"]);
const DEPENDENCY_FIELDS = ["dependencies", "peerDependencies", "optionalDependencies"] as const;

/** Relative specifiers a JavaScript or declaration file imports or re-exports. */
function relativeImports(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["'](\.{1,2}\/[^"']+)["']/g)) found.push(m[1]!);
  return found;
}

/**
 * Problems of one packed package, as lines: a missing LICENSE, README or `exports` target; a file
 * outside `dist/` and the allowed assets (tsconfig, sources, tests); a source map; a `workspace:`
 * range or `qac-source` condition left in the manifest; a relative import in `dist/` whose file did not
 * ship; a shipped file that names the monorepo's path (it would reach back into the repository).
 */
export function checkTarball(files: TarballFiles, rules: ShipRules): string[] {
  const problems: string[] = [];
  const manifest = manifestOf(files);
  for (const file of ALWAYS) if (!files.has(file)) problems.push(`${file} is missing`);
  for (const path of files.keys()) {
    if (ALWAYS.has(path)) continue;
    if (path.endsWith(".map")) problems.push(`${path}: a source map whose sources do not ship`);
    else if (!path.startsWith("dist/") && !rules.assets.some((a) => a.test(path)))
      problems.push(`${path}: not needed at run time (only dist/ and the package's assets ship)`);
  }
  const text = JSON.stringify(manifest);
  if (text.includes("workspace:")) problems.push("package.json: a workspace: range leaked into the published manifest");
  if (text.includes("qac-source"))
    problems.push("package.json: the qac-source condition points at sources that do not ship");
  for (const field of DEPENDENCY_FIELDS)
    for (const [name, range] of Object.entries((manifest[field] ?? {}) as Record<string, string>))
      if (/^(file|link|portal):/.test(range)) problems.push(`package.json: ${field}.${name} is ${range}`);
  for (const target of new Set(exportTargets(manifest["exports"])))
    if (!target.includes("*") && !files.has(posix.normalize(target)))
      problems.push(`exports: ${target} is not in the tarball`);
  for (const [path, bytes] of files) {
    if (!/\.(js|mjs|cjs|d\.ts|json|yaml)$/.test(path)) continue;
    const content = bytes.toString("utf8");
    for (const forbidden of rules.forbiddenPaths)
      if (content.includes(forbidden)) problems.push(`${path}: names ${forbidden}, a path in the monorepo`);
    if (!/\.(js|mjs|cjs|d\.ts)$/.test(path)) continue;
    for (const spec of relativeImports(content)) {
      const target = posix.normalize(posix.join(posix.dirname(path), spec));
      const candidates = path.endsWith(".d.ts") ? [target, target.replace(/\.js$/, ".d.ts")] : [target];
      if (!candidates.some((c) => files.has(c))) problems.push(`${path}: imports ${spec}, which is not in the tarball`);
    }
  }
  return problems;
}

/** Every file path an `exports` map points at (conditions and subpaths flattened). */
function exportTargets(exports: unknown): string[] {
  if (typeof exports === "string") return [exports.replace(/^\.\//, "")];
  if (!exports || typeof exports !== "object") return [];
  return Object.values(exports as Record<string, unknown>).flatMap(exportTargets);
}
