import { join } from "node:path";
import ts from "typescript";
import { PACKAGES, repoRoot } from "./repo-root.js";

let cached: ts.Program | null = null;

/**
 * One TypeScript program over every checked package's `src/index.ts`, with the workspace's
 * compiler options (NodeNext, the `qac-source` condition), so cross-package re-exports resolve
 * to source. Built once per process: it is the slow part.
 */
function workspaceProgram(): ts.Program {
  if (cached) return cached;
  const root = repoRoot();
  const base = ts.readConfigFile(join(root, "tsconfig.base.json"), (p) => ts.sys.readFile(p));
  if (base.error) throw new Error(ts.flattenDiagnosticMessageText(base.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(base.config, ts.sys, root);
  const roots = PACKAGES.map((p) => join(root, p.dir, "src/index.ts"));
  cached = ts.createProgram(roots, {
    ...parsed.options,
    noEmit: true,
    declaration: false,
    declarationMap: false,
    sourceMap: false,
  });
  return cached;
}

/** The module symbol of a package's `src/index.ts`. */
export function indexModule(dir: string): { program: ts.Program; checker: ts.TypeChecker; module: ts.Symbol } {
  const program = workspaceProgram();
  const file = program.getSourceFile(join(repoRoot(), dir, "src/index.ts"));
  if (!file) throw new Error(`repo-checks: ${dir}/src/index.ts is not in the program`);
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(file);
  if (!module) throw new Error(`repo-checks: ${dir}/src/index.ts has no exports`);
  return { program, checker, module };
}
