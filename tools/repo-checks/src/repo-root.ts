import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The monorepo root (the folder holding pnpm-workspace.yaml), found from this file. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("repo-checks: cannot find pnpm-workspace.yaml above this package");
    dir = up;
  }
  return dir;
}

/**
 * The packages whose public surface and error codes are checked: folder (relative to the root),
 * package name, and the exported type alias naming its error codes (null when it has none).
 */
export const PACKAGES = [
  { dir: "packages/core", name: "@qac/core", codeType: "CoreErrorCode" },
  { dir: "packages/simulator", name: "@qac/simulator", codeType: "SimulatorErrorCode" },
  { dir: "schemas", name: "@qac/schemas", codeType: null },
  { dir: "packages/planner", name: "@qac/planner", codeType: "PlanErrorCode" },
  { dir: "packages/runner", name: "@qac/runner", codeType: "RunnerErrorCode" },
  { dir: "packages/status-server", name: "@qac/status-server", codeType: "StatusErrorCode" },
  { dir: "packages/cli", name: "@qac/cli", codeType: "CliErrorCode" },
] as const;
