import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The monorepo's root (this file is tools/consumer-test/src/pack.ts). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../../..");

/** A workspace package users install from npm. */
export interface PublicPackage {
  name: string;
  version: string;
  dir: string;
}

/** Every package of the workspace that is not private, i.e. every package qac publishes. */
export function publicPackages(): PublicPackage[] {
  const dirs = [
    ...readdirSync(join(repoRoot, "packages")).map((d) => join(repoRoot, "packages", d)),
    join(repoRoot, "schemas"),
  ];
  return dirs
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map((dir) => ({
      dir,
      ...(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
        name: string;
        version: string;
        private?: boolean;
      }),
    }))
    .filter((pkg) => !("private" in pkg && pkg.private))
    .map(({ name, version, dir }) => ({ name, version, dir }));
}

/** Runs pnpm (the repository's package manager, as the README calls it) in the repository. */
export function pnpm(args: readonly string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync("npx", ["-y", "pnpm@10", ...args], { cwd: repoRoot, encoding: "utf8", env: outsideEnv() });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * This process's environment without what a surrounding `pnpm test` adds for its scripts
 * (`npm_config_*`, `npm_package_*`, `npm_lifecycle_*`, FORCE_COLOR): the commands run as a user
 * would run them, and npm does not warn about pnpm's own settings.
 */
function outsideEnv(): Record<string, string> {
  const own = /^(npm_config_|npm_package_|npm_lifecycle_|pnpm_|PNPM_)|^FORCE_COLOR$/;
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k, v]) => v !== undefined && !own.test(k)),
  ) as Record<string, string>;
  return { ...env, NO_COLOR: "1" };
}

/**
 * Packs every public package with `pnpm pack` (which applies `publishConfig` and rewrites
 * `workspace:` ranges, as `pnpm publish` does) into `dest`; returns the tarball of each package.
 * The packages must be built (`dist/`).
 */
export function packAll(dest: string): Map<string, string> {
  mkdirSync(dest, { recursive: true });
  const packages = publicPackages();
  const packed = pnpm(["-r", ...packages.flatMap((p) => ["--filter", p.name]), "pack", "--pack-destination", dest]);
  if (packed.code !== 0) throw new Error(`pnpm pack failed:\n${packed.stdout}\n${packed.stderr}`);
  const tarballs = new Map<string, string>();
  for (const p of packages) {
    const file = join(dest, `${p.name.replace(/^@/, "").replace("/", "-")}-${p.version}.tgz`);
    if (!existsSync(file)) throw new Error(`pnpm pack wrote no ${file}`);
    tarballs.set(p.name, file);
  }
  return tarballs;
}
