import { readFileSync } from "node:fs";
import { CliError } from "../errors.js";

/** The packages only `qac sim` and `qac serve` need; `@qac/cli` installs without them. */
export type OptionalPackage = "@qac/simulator" | "@qac/status-server";

function ownVersion(): string {
  // src/commands/ and dist/commands/ both sit two levels below package.json.
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/**
 * Loads a package that only some commands need (`qac sim`, `qac serve`): `@qac/cli` does not
 * depend on them, so `validate`, `plan`, `apply` and `wait` install without a database or a server
 * framework. When the package is not installed, throws `CLI_MISSING_PACKAGE` whose one line says
 * which package to add, at the CLI's own version; any other failure to load it is rethrown.
 * @param load imports the package (a literal `import("...")`, so tools can see it)
 */
export async function importOptional<T>(name: OptionalPackage, command: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // Node names the package it could not find; a missing dependency *of* the package is another fault.
    if (code !== "ERR_MODULE_NOT_FOUND" || !String((error as Error).message).includes(`'${name}'`)) throw error;
    throw new CliError(
      "CLI_MISSING_PACKAGE",
      `${command} needs ${name}, which is not installed; add it with: npm install --save-dev ${name}@${ownVersion()}`,
    );
  }
}
