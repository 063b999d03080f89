import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { packAll } from "../src/pack.js";
import { startLocalRegistry } from "../src/registry.js";
import { runtime } from "../src/runtimes.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Package name → its packed tarball. */
    tarballs: Record<string, string>;
    /** `.npmrc` lines sending `@qac/*` to the local registry that serves those tarballs. */
    registryNpmrc: string;
  }
}

/**
 * Once per run: pack every public package (the workspace must be built; Nx's `^build` sees to
 * it), serve the tarballs from a local registry, and fetch the Node 22 and 24 runtimes.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), "qac-packs-"));
  const tarballs = packAll(dir);
  const registry = await startLocalRegistry(tarballs);
  runtime(22);
  runtime(24);
  console.log(
    `consumer-test setup: packed ${tarballs.size} packages and fetched Node 22/24 in ` +
      `${Math.round(performance.now() - started)} ms`,
  );
  project.provide("tarballs", Object.fromEntries(tarballs));
  project.provide("registryNpmrc", registry.npmrc);
  return async () => {
    await registry.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
