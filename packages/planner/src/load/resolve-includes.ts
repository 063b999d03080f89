import { readdir, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Diagnostic } from "../errors.js";
import { diagnosticAt } from "../diagnostic-at.js";
import type { Fragment } from "./build-fragment.js";

/**
 * The files an include list names, in order: a file as is, a folder (or a path ending in `/`)
 * as its `*.yaml`/`*.yml` files sorted by name. Missing paths become diagnostics.
 */
export async function resolveIncludes(
  fragment: Fragment,
  baseDir: string,
): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const dir = fragment.source.file === "<text>" ? baseDir : dirname(resolve(baseDir, fragment.source.file));
  for (const { path, origin } of fragment.include) {
    const target = resolve(dir, path);
    const info = await stat(target).catch(() => null);
    if (!info) {
      diagnostics.push(
        diagnosticAt(
          origin,
          "PLAN_INCLUDE",
          `included ${path.endsWith("/") ? "folder" : "file"} ${JSON.stringify(path)} does not exist (looked for ` +
            `${target}); paths are relative to the including file`,
        ),
      );
    } else if (info.isDirectory()) {
      const names = (await readdir(target)).filter((n) => /\.ya?ml$/i.test(n)).sort();
      if (names.length === 0)
        diagnostics.push(
          diagnosticAt(origin, "PLAN_INCLUDE", `included folder ${JSON.stringify(path)} has no .yaml files`, "warning"),
        );
      for (const item of names.map((n) => join(target, n))) files.push(item);
    } else if (path.endsWith("/")) {
      diagnostics.push(
        diagnosticAt(origin, "PLAN_INCLUDE", `${JSON.stringify(path)} ends with "/" but is a file; remove the slash`),
      );
    } else {
      files.push(target);
    }
  }
  return { files, diagnostics };
}
