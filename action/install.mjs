// Installs the published @qac/cli (and, when needed, @qac/simulator) at one pinned version.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The version released with this Action: `packages/cli/package.json` next to `action.yml`, at the
 * same git ref (`uses: qac-dev/qac@v1` checks out the whole repository at that ref).
 * @param {string} actionRoot
 */
export function bundledVersion(actionRoot) {
  return JSON.parse(readFileSync(join(actionRoot, "packages/cli/package.json"), "utf8")).version;
}

/**
 * `npm install`s `packages` (`@qac/cli`, ...) at `version` into `dir`, unless an earlier step of the
 * job did; returns the path of the `qac` launcher. npm and its registry settings (`.npmrc`,
 * `actions/setup-node`) are the runner's.
 * @param {string} dir
 * @param {string} version
 * @param {string[]} packages
 * @param {NodeJS.ProcessEnv} env
 */
export function installQac(dir, version, packages, env) {
  const have = (name) => {
    const manifest = join(dir, "node_modules", name, "package.json");
    return existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).version === version;
  };
  const missing = packages.filter((name) => !have(name));
  if (missing.length > 0) {
    const specs = packages.map((name) => `${name}@${version}`);
    console.log(`Installing ${specs.join(" ")} ...`);
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const args = ["install", "--prefix", dir, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", ...specs];
    const result = spawnSync(npm, args, {
      env,
      stdio: ["ignore", "inherit", "inherit"],
      shell: process.platform === "win32",
    });
    if (result.error)
      throw new Error(`qac action: cannot run npm (${result.error.message}); add actions/setup-node before this step.`);
    if (result.status !== 0)
      throw new Error(`qac action: npm install ${specs.join(" ")} failed (exit ${result.status}).`);
  }
  return join(dir, "node_modules", "@qac", "cli", "bin", "qac.js");
}
