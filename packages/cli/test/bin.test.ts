import { execFileSync } from "node:child_process";
import { access, constants, copyFile, mkdir, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const pkgDir = new URL("../", import.meta.url);

describe("the qac executable", () => {
  it("is a committed launcher (linked at install, before a build) that runs the built CLI", async () => {
    const pkg = JSON.parse(await readFile(new URL("package.json", pkgDir), "utf8")) as {
      bin: Record<string, string>;
      files: string[];
    };
    expect(pkg.bin).toEqual({ qac: "./bin/qac.js" });
    expect(pkg.files).toContain("bin");
    const launcher = new URL(pkg.bin["qac"]!, pkgDir);
    await access(launcher, constants.X_OK);
    const text = await readFile(launcher, "utf8");
    expect(text.startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(text).toContain(`new URL("../dist/main.js", import.meta.url)`);
    // tsc keeps the first line of main.ts, so dist/main.js can also be run directly.
    expect((await readFile(new URL("src/main.ts", pkgDir), "utf8")).startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("says how to build when run before a build, without a stack trace", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qac-bin-"));
    await mkdir(join(dir, "bin"));
    await copyFile(new URL("bin/qac.js", pkgDir), join(dir, "bin", "qac.js"));
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync(process.execPath, [join(dir, "bin", "qac.js"), "--version"], { encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr).toBe(
      "qac: the CLI is not built yet; run `pnpm build` (or `pnpm qac ...`, which builds first)\n",
    );
  });
});
