import ts from "typescript";
import { indexModule } from "./typescript-program.js";

/** One exported name of a package and whether it is a value (function, class, const) or only a type. */
export interface ExportedName {
  name: string;
  kind: "value" | "type";
  /** TSDoc summary of the declaration the export points at ("" when it has none). */
  doc: string;
  /** Names of its TSDoc block tags (`param`, `example`, ...). */
  tags: string[];
}

/**
 * The names a package exports from `src/index.ts`, as the TypeScript compiler sees them
 * (re-exports and `export type *` followed), sorted by name.
 */
export function publicSurface(dir: string): ExportedName[] {
  const { checker, module } = indexModule(dir);
  return checker
    .getExportsOfModule(module)
    .map((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const kind: ExportedName["kind"] = target.flags & ts.SymbolFlags.Value ? "value" : "type";
      return {
        name: symbol.getName(),
        kind,
        doc: documentation(target, checker),
        tags: target.getJsDocTags(checker).map((t) => t.name),
      };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function documentation(symbol: ts.Symbol, checker: ts.TypeChecker): string {
  const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  if (text) return text;
  // Overloaded or merged declarations: any TSDoc block on any declaration counts.
  for (const decl of symbol.getDeclarations() ?? []) {
    const jsDoc = ts.getJSDocCommentsAndTags(decl);
    if (jsDoc.length > 0) return jsDoc.map((d) => d.getText()).join("\n");
  }
  return "";
}
