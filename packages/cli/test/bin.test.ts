import { access, constants, readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";

const pkgDir = new URL("../", import.meta.url);

describe("the qac executable", () => {
  it("is a committed launcher (linked at install, before a build) that runs the built CLI", async () => {
    const pkg = JSON.parse(await readFile(new URL("package.json", pkgDir), "utf8")) as { bin: Record<string, string>; files: string[] };
    expect(pkg.bin).toEqual({ qac: "./bin/qac.js" });
    expect(pkg.files).toContain("bin");
    const launcher = new URL(pkg.bin["qac"]!, pkgDir);
    await access(launcher, constants.X_OK);
    const text = await readFile(launcher, "utf8");
    expect(text.startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(text).toContain('import "../dist/main.js";');
    // tsc keeps the first line of main.ts, so dist/main.js can also be run directly.
    expect((await readFile(new URL("src/main.ts", pkgDir), "utf8")).startsWith("#!/usr/bin/env node\n")).toBe(true);
  });
});
