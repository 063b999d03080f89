import { describe, expect, it } from "vitest";
import { checkTarball } from "./check-tarball.js";
import type { TarballFiles } from "./tarball.js";

const rules = { assets: [/^demo-seed\.yaml$/], forbiddenPaths: ["/work/repo"] };
const manifest = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    name: "@qac/x",
    version: "1.0.0",
    exports: { ".": { types: "./dist/index.d.ts", import: "./dist/index.js", default: "./dist/index.js" } },
    ...extra,
  });
const tarball = (files: Record<string, string>): TarballFiles =>
  new Map(
    Object.entries({
      "package.json": manifest(),
      "README.md": "# x",
      LICENSE: "MIT",
      "dist/index.d.ts": "export {};",
      ...files,
    }).map(([k, v]) => [k, Buffer.from(v)]),
  );

describe("checkTarball (what makes the consumer test fail)", () => {
  it("accepts a package that ships dist/, its assets, README, LICENSE and package.json", () => {
    expect(
      checkTarball(
        tarball({ "dist/index.js": 'export * from "./a.js";', "dist/a.js": "", "demo-seed.yaml": "" }),
        rules,
      ),
    ).toEqual([]);
  });

  it("fails when a file a shipped module imports is missing from the tarball", () => {
    expect(checkTarball(tarball({ "dist/index.js": 'import { a } from "./a.js";' }), rules)).toEqual([
      "dist/index.js: imports ./a.js, which is not in the tarball",
    ]);
  });

  it("fails when an exports target or the LICENSE is missing", () => {
    const files = tarball({});
    files.delete("LICENSE");
    expect(checkTarball(files, rules)).toEqual(["LICENSE is missing", "exports: dist/index.js is not in the tarball"]);
  });

  it("fails when a workspace: range or the qac-source condition leaks into the manifest", () => {
    const files = tarball({ "dist/index.js": "" });
    files.set(
      "package.json",
      Buffer.from(
        manifest({
          dependencies: { "@qac/core": "workspace:*" },
          exports: { ".": { "qac-source": "./src/index.ts", default: "./dist/index.js" } },
        }),
      ),
    );
    expect(checkTarball(files, rules)).toEqual([
      "package.json: a workspace: range leaked into the published manifest",
      "package.json: the qac-source condition points at sources that do not ship",
      "exports: src/index.ts is not in the tarball",
    ]);
  });

  it("fails when a shipped file reaches back into the monorepo, or stray files and source maps ship", () => {
    const files = tarball({
      "dist/index.js": 'const seed = "/work/repo/examples/seed.yaml";',
      "dist/index.js.map": "{}",
      "tsconfig.json": "{}",
    });
    expect(checkTarball(files, rules)).toEqual([
      "dist/index.js.map: a source map whose sources do not ship",
      "tsconfig.json: not needed at run time (only dist/ and the package's assets ship)",
      "dist/index.js: names /work/repo, a path in the monorepo",
    ]);
  });
});
