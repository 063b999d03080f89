import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

/** The files of an npm tarball (`package/...`), by path inside the package, as bytes. */
export type TarballFiles = Map<string, Buffer>;

const field = (block: Buffer, start: number, length: number) =>
  block
    .subarray(start, start + length)
    .toString("utf8")
    .replace(/\0.*$/s, "");

/**
 * Reads a `.tgz` as npm and pnpm write it (ustar, every entry under `package/`): regular files only,
 * paths relative to the package root. Enough for checking what a package ships.
 */
export function readTarball(file: string): TarballFiles {
  const tar = gunzipSync(readFileSync(file));
  const files: TarballFiles = new Map();
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512);
    const name = field(header, 0, 100);
    if (name === "") break;
    const size = parseInt(field(header, 124, 12).trim() || "0", 8);
    const prefix = field(header, 345, 155);
    const type = field(header, 156, 1);
    const path = (prefix ? `${prefix}/${name}` : name).replace(/^package\//, "");
    if (type === "0" || type === "") files.set(path, Buffer.from(tar.subarray(at + 512, at + 512 + size)));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** The parsed `package.json` of a tarball. */
export function manifestOf(files: TarballFiles): Record<string, unknown> {
  const raw = files.get("package.json");
  if (!raw) throw new Error("the tarball has no package.json");
  return JSON.parse(raw.toString("utf8")) as Record<string, unknown>;
}
