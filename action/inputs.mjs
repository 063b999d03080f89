// The Action's inputs, as the runner passes them: INPUT_<NAME> (upper case, hyphens kept).
import { readdirSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/**
 * One input's value, trimmed; `fallback` when it is empty.
 * @param {NodeJS.ProcessEnv} env
 * @param {string} name
 * @param {string} [fallback]
 */
export function input(env, name, fallback = "") {
  const value = (env[`INPUT_${name.toUpperCase()}`] ?? "").trim();
  return value === "" ? fallback : value;
}

/** @param {NodeJS.ProcessEnv} env @param {string} name */
export const flag = (env, name) => /^(true|yes|1|on)$/i.test(input(env, name));

/** @param {string} glob */
const toRegExp = (glob) =>
  new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, "[^/]*")
      .replace(/\?/g, "[^/]")}$`,
  );

/**
 * The plan files of the `plans` input, relative to `cwd`: words separated by spaces or new lines;
 * `*` and `?` match within a file name (`qac/*.yaml`), sorted, each once. A pattern that matches
 * nothing is kept as written, so qac says the file does not exist.
 * @param {string} raw
 * @param {string} cwd
 * @returns {string[]}
 */
export function expandPlans(raw, cwd) {
  const files = [];
  for (const word of raw.split(/\s+/).filter(Boolean)) {
    if (!/[*?]/.test(basename(word))) {
      files.push(word);
      continue;
    }
    const dir = dirname(word);
    const match = toRegExp(basename(word));
    let names = [];
    try {
      names = readdirSync(resolve(cwd, dir)).filter((n) => match.test(n));
    } catch {
      names = [];
    }
    if (names.length === 0) files.push(word);
    for (const name of names.sort()) files.push(dir === "." ? name : join(dir, name));
  }
  return [...new Set(files)];
}
