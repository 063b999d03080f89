import ts from "typescript";
import { indexModule } from "./typescript-program.js";

/**
 * The string literals of an exported error-code type (e.g. `CoreErrorCode`), read with the
 * TypeScript compiler, so packages that export only the type (no runtime list) are covered too.
 */
export function errorCodesOf(dir: string, typeName: string): string[] {
  const { checker, module } = indexModule(dir);
  const symbol = checker.getExportsOfModule(module).find((s) => s.getName() === typeName);
  if (!symbol) throw new Error(`repo-checks: ${dir} does not export ${typeName}`);
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const type = checker.getDeclaredTypeOfSymbol(target);
  const members = type.isUnion() ? type.types : [type];
  const codes = members.map((t) => {
    if (!t.isStringLiteral())
      throw new Error(
        `repo-checks: ${dir} ${typeName} has a member that is not a string literal: ${checker.typeToString(t)}`,
      );
    return t.value;
  });
  return [...new Set(codes)].sort();
}
