import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";

/** What happened to one file `qac init` wanted to write. */
export type InitOutcome = "created" | "unchanged" | "kept" | "overwritten";

/** A file `qac init` writes, relative to the repository. */
export interface InitFile {
  path: string;
  text: string;
  /** Shown after the outcome, e.g. "starter plan for Web Shop (1001)". */
  what: string;
}

/**
 * Writes each file unless it exists: an identical file is `unchanged`, a different one is `kept`
 * (never replaced without `force`), so running `qac init` twice changes nothing.
 */
export async function writeInitFiles(
  cwd: string,
  files: readonly InitFile[],
  force: boolean,
): Promise<{ file: InitFile; outcome: InitOutcome }[]> {
  const results: { file: InitFile; outcome: InitOutcome }[] = [];
  for (const file of files) {
    const path = resolve(cwd, file.path);
    const existing = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return null;
      throw error;
    });
    let outcome: InitOutcome;
    if (existing === file.text) outcome = "unchanged";
    else if (existing !== null && !force) outcome = "kept";
    else {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.text, "utf8");
      outcome = existing === null ? "created" : "overwritten";
    }
    results.push({ file, outcome });
  }
  return results;
}
