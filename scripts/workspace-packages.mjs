/**
 * The workspace's package folders, read from pnpm-workspace.yaml (`dir` and `dir/*` entries):
 * shared by `pnpm test`'s totals (scripts/test-totals.mjs) and the lint rule that keeps the
 * dependency direction (eslint.boundaries.js).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Absolute paths of the package folders listed in `root`/pnpm-workspace.yaml. */
export function packageDirs(root) {
  const yaml = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
  const list = /^packages:\n((?:\s+-\s+.+\n?)+)/m.exec(yaml)?.[1] ?? "";
  return [...list.matchAll(/-\s+["']?([^"'\s]+)/g)].flatMap(([, pattern]) => {
    if (!pattern.endsWith("/*")) return [join(root, pattern)];
    const parent = join(root, pattern.slice(0, -2));
    return existsSync(parent) ? readdirSync(parent).map((name) => join(parent, name)) : [];
  });
}
