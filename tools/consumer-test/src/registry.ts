import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import Fastify from "fastify";
import { manifestOf, readTarball } from "./tarball.js";

/** A local npm registry for the `@qac` scope: the packed tarballs, served as npm would fetch them. */
export interface LocalRegistry {
  url: string;
  /** `.npmrc` lines that send `@qac/*` here and everything else to the usual registry. */
  npmrc: string;
  close(): Promise<void>;
}

/**
 * Serves the packuments and tarballs of `tarballs` (package name → .tgz) on 127.0.0.1, port 0.
 * A user's `npm install @qac/cli@X` then runs exactly as against npmjs.com once published: the
 * manifests, `dependencies` and integrity are those of the packed files.
 */
export async function startLocalRegistry(tarballs: ReadonlyMap<string, string>): Promise<LocalRegistry> {
  const app = Fastify();
  const files = new Map<string, Buffer>();
  const packuments = new Map<string, (base: string) => unknown>();
  for (const [name, path] of tarballs) {
    const bytes = readFileSync(path);
    const file = basename(path);
    files.set(file, bytes);
    const manifest = manifestOf(readTarball(path)) as { version: string };
    const dist = (base: string) => ({
      tarball: `${base}/-/${file}`,
      shasum: createHash("sha1").update(bytes).digest("hex"),
      integrity: `sha512-${createHash("sha512").update(bytes).digest("base64")}`,
    });
    packuments.set(name, (base) => ({
      name,
      "dist-tags": { latest: manifest.version },
      versions: { [manifest.version]: { ...manifest, _id: `${name}@${manifest.version}`, dist: dist(base) } },
    }));
  }
  let base = "";
  app.get("/-/:file", async (request, reply) => {
    const bytes = files.get((request.params as { file: string }).file);
    return bytes ? reply.type("application/octet-stream").send(bytes) : reply.code(404).send({ error: "not found" });
  });
  app.get("/*", async (request, reply) => {
    const name = decodeURIComponent((request.params as { "*": string })["*"]);
    const packument = packuments.get(name);
    return packument ? reply.send(packument(base)) : reply.code(404).send({ error: `${name} is not in this registry` });
  });
  base = await app.listen({ host: "127.0.0.1", port: 0 });
  return { url: base, npmrc: `@qac:registry=${base}/\n`, close: () => app.close() };
}
