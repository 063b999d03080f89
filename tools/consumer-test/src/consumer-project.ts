import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { cacheDir, machineEnv, npmCli, type Runtime } from "./runtimes.js";

/** What a command printed, and how it ended. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** A fresh project outside the workspace, as a user's repository would be, on one Node runtime. */
export interface ConsumerProject {
  dir: string;
  runtime: Runtime;
  /** The environment every command gets: the runtime first on PATH, nothing inherited from the workspace. */
  env: Record<string, string>;
  npm(args: readonly string[]): Promise<Run>;
  /** `npx <args>`, through npm's own exec, as a user types it. */
  npx(args: readonly string[], env?: Record<string, string>): Promise<Run>;
  /** The installed `qac` (node_modules/.bin/qac). */
  qac(args: readonly string[], env?: Record<string, string>): Promise<Run>;
  /** Starts a command that keeps running (`qac sim`); resolves once `ready` matches its stdout. */
  start(args: readonly string[], ready: RegExp): Promise<{ match: RegExpMatchArray; child: ChildProcess }>;
  node(args: readonly string[], env?: Record<string, string>): Promise<Run>;
  write(path: string, text: string): void;
  read(path: string): string;
}

/**
 * Runs a program and collects its output. Never rejects: the exit code tells.
 */
export function run(cmd: string, args: readonly string[], cwd: string, env: Record<string, string>): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.on("error", (error) => resolve({ code: -1, stdout, stderr: `${stderr}${error.message}`, ms: 0 }));
    child.on("close", (code) =>
      resolve({ code: code ?? -1, stdout, stderr, ms: Math.round(performance.now() - started) }),
    );
  });
}

/**
 * Creates an empty npm project in a temporary folder (outside the monorepo, so nothing resolves
 * into it) whose `.npmrc` takes `@qac/*` from `registryNpmrc`'s registry; npm shares one cache
 * between projects, so the packages are downloaded once per machine.
 */
export function createConsumerProject(runtime: Runtime, registryNpmrc: string, name = "consumer"): ConsumerProject {
  const dir = mkdtempSync(join(tmpdir(), `qac-${name}-node${runtime.major}-`));
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name, version: "1.0.0", private: true }, null, 2)}\n`);
  writeFileSync(join(dir, ".npmrc"), registryNpmrc);
  const env: Record<string, string> = {
    ...machineEnv(),
    PATH: [join(dir, "node_modules/.bin"), dirname(runtime.node), process.env["PATH"] ?? ""].join(delimiter),
    HOME: process.env["HOME"] ?? tmpdir(),
    TMPDIR: tmpdir(),
    NO_COLOR: "1",
    npm_config_cache: join(cacheDir, "npm-cache"),
    npm_config_update_notifier: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
  };
  const npm = (args: readonly string[], extra: Record<string, string> = {}) =>
    run(runtime.node, [npmCli(), ...args], dir, { ...env, ...extra });
  const children: ChildProcess[] = [];
  return {
    dir,
    runtime,
    env,
    npm,
    npx: (args, extra) => npm(["exec", "--", ...args], extra),
    qac: (args, extra = {}) =>
      run(runtime.node, [join(dir, "node_modules/@qac/cli/bin/qac.js"), ...args], dir, { ...env, ...extra }),
    node: (args, extra = {}) => run(runtime.node, args, dir, { ...env, ...extra }),
    start: (args, ready) =>
      new Promise((resolve, reject) => {
        const child = spawn(runtime.node, [join(dir, "node_modules/@qac/cli/bin/qac.js"), ...args], {
          cwd: dir,
          env,
          stdio: ["ignore", "pipe", "pipe"],
        });
        children.push(child);
        let out = "";
        const timer = setTimeout(
          () => (child.kill(), reject(new Error(`qac ${args.join(" ")} did not start:\n${out}`))),
          30_000,
        );
        child.stdout.setEncoding("utf8").on("data", (s: string) => {
          out += s;
          const match = ready.exec(out);
          if (match) {
            clearTimeout(timer);
            resolve({ match, child });
          }
        });
        child.stderr.setEncoding("utf8").on("data", (s: string) => (out += s));
        child.on(
          "exit",
          (code) => (clearTimeout(timer), reject(new Error(`qac ${args.join(" ")} exited with ${code}:\n${out}`))),
        );
      }),
    write: (path, text) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    read: (path) => readFileSync(join(dir, path), "utf8"),
  };
}

/** How many packages are installed under `dir/node_modules`, and which build native code or run an install script. */
export function installedPackages(dir: string): { count: number; native: string[]; scripts: string[] } {
  const seen: string[] = [];
  const native: string[] = [];
  const scripts: string[] = [];
  const visit = (modules: string) => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith(".")) continue;
      const names = entry.startsWith("@") ? readdirSync(join(modules, entry)).map((n) => `${entry}/${n}`) : [entry];
      for (const name of names) {
        const pkgDir = join(modules, name);
        const manifest = join(pkgDir, "package.json");
        if (!existsSync(manifest)) continue;
        seen.push(name);
        const pkg = JSON.parse(readFileSync(manifest, "utf8")) as {
          scripts?: Record<string, string>;
          gypfile?: boolean;
        };
        if (pkg.gypfile || existsSync(join(pkgDir, "binding.gyp")) || existsSync(join(pkgDir, "build/Release")))
          native.push(name);
        if (["preinstall", "install", "postinstall"].some((s) => pkg.scripts?.[s])) scripts.push(name);
        visit(join(pkgDir, "node_modules"));
      }
    }
  };
  visit(join(dir, "node_modules"));
  return { count: seen.length, native, scripts };
}
