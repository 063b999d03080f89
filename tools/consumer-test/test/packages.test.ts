import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { promisify } from "node:util";
import { publint } from "publint";
import { describe, expect, inject, it } from "vitest";
import { checkTarball } from "../src/check-tarball.js";
import { pnpm, publicPackages, repoRoot } from "../src/pack.js";
import { manifestOf, readTarball } from "../src/tarball.js";

const run = promisify(execFile);
const tarballs = inject("tarballs");

/** Files besides dist/ that a package needs at run time. */
const ASSETS: Record<string, RegExp[]> = {
  "@qac/cli": [/^bin\/qac\.js$/],
  "@qac/schemas": [/^[a-z-]+\.schema\.json$/, /^status-api\/[a-z-]+\.schema\.json$/],
  "@qac/simulator": [/^demo-seed\.yaml$/],
};

describe("the published packages", () => {
  it("are exactly the seven public packages of the workspace", () => {
    expect(Object.keys(tarballs).sort()).toEqual([
      "@qac/cli",
      "@qac/core",
      "@qac/planner",
      "@qac/runner",
      "@qac/schemas",
      "@qac/simulator",
      "@qac/status-server",
    ]);
  });

  for (const pkg of publicPackages()) {
    describe(pkg.name, () => {
      const files = readTarball(tarballs[pkg.name]!);
      const manifest = manifestOf(files);

      it("ships what it needs and nothing else: no missing import, workspace: range or path into the monorepo", () => {
        expect(checkTarball(files, { assets: ASSETS[pkg.name] ?? [], forbiddenPaths: [repoRoot] })).toEqual([]);
        expect(files.get("LICENSE")?.toString("utf8")).toBe(readFileSync(`${repoRoot}/LICENSE`, "utf8"));
      });

      it("says where it comes from and what it runs on, and require() and import resolve through exports", () => {
        expect(manifest).toMatchObject({
          license: "MIT",
          type: "module",
          engines: { node: ">=20.19.0" },
          repository: { type: "git", directory: relative(repoRoot, pkg.dir) },
          bugs: expect.stringMatching(/^https:\/\/github\.com\/.+\/issues$/),
          homepage: expect.stringMatching(/^https:\/\/github\.com\//),
        });
        const main = (manifest["exports"] as Record<string, Record<string, string>>)["."]!;
        expect(Object.keys(main)).toEqual(["types", "import", "default"]);
      });

      it("is clean under publint", async () => {
        const { messages } = await publint({
          pack: { tarball: new Uint8Array(readFileSync(tarballs[pkg.name]!)).buffer },
          level: "suggestion",
        });
        expect(messages).toEqual([]);
      });

      it("is clean under arethetypeswrong (node16 profile; require(esm) is how Node >= 20.19 loads it)", async () => {
        // attw 0.18 does not know require(esm) yet (arethetypeswrong.github.io#252); the consumer test
        // require()s every package for real instead.
        const args = [
          tarballs[pkg.name]!,
          "--profile",
          "node16",
          "--ignore-rules",
          "cjs-resolves-to-esm",
          "--format",
          "ascii",
        ];
        const result = await run("node_modules/.bin/attw", args, { env: { ...process.env, NO_COLOR: "1" } }).then(
          ({ stdout }) => ({ code: 0, stdout }),
          (error: { code: number; stdout: string; stderr: string }) => ({
            code: error.code,
            stdout: `${error.stdout}\n${error.stderr}`,
          }),
        );
        // Exit 0: no problem outside the ignored rule and the node10 resolution the profile leaves out.
        expect(result.code, result.stdout).toBe(0);
        expect(result.stdout).toMatch(/node16 \(from ESM\): 🟢/);
      });
    });
  }

  it("publish cleanly: `pnpm -r publish --dry-run` rewrites workspace: ranges, warns only of the login", () => {
    const names = publicPackages().flatMap((p) => ["--filter", p.name]);
    const out = pnpm(["-r", ...names, "publish", "--dry-run", "--no-git-checks"]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout.match(/^\+ @qac\/[\w-]+@\d+\.\d+\.\d+$/gm)?.length).toBe(7);
    const warnings = `${out.stdout}\n${out.stderr}`.split("\n").filter((l) => /\bwarn/i.test(l));
    expect(warnings.filter((l) => !l.includes("requires you to be logged in"))).toEqual([]);
  });
});
