#!/usr/bin/env node
/**
 * After `changeset version`: pins the GitLab CI template's default QAC_VERSION to the new version of
 * @qac/cli, so the template at a release tag installs the packages released with it. (The GitHub
 * Action reads packages/cli/package.json at its own ref, and `qac init` uses its own version.)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { version } = JSON.parse(readFileSync(join(root, "packages/cli/package.json"), "utf8"));
const file = join(root, "gitlab/qac.gitlab-ci.yml");
const text = readFileSync(file, "utf8");
const pinned = /^( {2}QAC_VERSION: ")[^"]*(")/m;
if (!pinned.test(text)) throw new Error(`${file}: no QAC_VERSION line to update`);
writeFileSync(file, text.replace(pinned, `$1${version}$2`));
console.log(`gitlab/qac.gitlab-ci.yml: QAC_VERSION ${version}`);
