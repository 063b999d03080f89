#!/usr/bin/env node
/**
 * After `changeset version`: pins QAC_VERSION in the GitLab CI template (its default) and in the
 * GitLab example to the new version of @qac/cli, so the template at a release tag installs the
 * packages released with it. (The GitHub Action reads packages/cli/package.json at its own ref, and
 * `qac init` writes its own version.)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { version } = JSON.parse(readFileSync(join(root, "packages/cli/package.json"), "utf8"));
const pinned = /^( {2}QAC_VERSION: ")[^"]*(")/m;
for (const path of ["gitlab/qac.gitlab-ci.yml", "examples/ci/gitlab/.gitlab-ci.yml"]) {
  const file = join(root, path);
  const text = readFileSync(file, "utf8");
  if (!pinned.test(text)) throw new Error(`${path}: no QAC_VERSION line to update`);
  writeFileSync(file, text.replace(pinned, `$1${version}$2`));
  console.log(`${path}: QAC_VERSION ${version}`);
}
