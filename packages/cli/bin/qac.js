#!/usr/bin/env node
// The `qac` executable. A committed launcher, not dist/main.js itself, so that package managers
// can link `qac` when the workspace is installed, before anything is built.
import { existsSync } from "node:fs";
import process from "node:process";
import { URL } from "node:url";

const main = new URL("../dist/main.js", import.meta.url);
if (existsSync(main)) {
  await import(main.href);
} else {
  process.stderr.write("qac: the CLI is not built yet; run `pnpm build` (or `pnpm qac ...`, which builds first)\n");
  process.exitCode = 1;
}
