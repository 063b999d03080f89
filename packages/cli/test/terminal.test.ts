import { execFile } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SEED_PATH, loadSeedFile, startSimulator, type Simulator } from "@qac/simulator";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const tsx = pathToFileURL(createRequire(join(root, "package.json")).resolve("tsx")).href;
/** The real `qac` (src/main.ts, as bin/qac.js runs dist/main.js after a build) as one shell command. */
const qac =
  `"${process.execPath}" --conditions=qac-source --import "${tsx}" ` + `"${join(root, "packages/cli/src/main.ts")}"`;

let sim: Simulator;
let dir: string;
beforeAll(async () => {
  // Real time, fast outcomes (as in the demo): a 60 s test takes 0.3 s, hosts pick runs up after 1 s.
  const seed = loadSeedFile(DEFAULT_SEED_PATH);
  seed.simulation = { ...seed.simulation, speed: 200, pickup_delay_seconds: 1 };
  sim = await startSimulator({ seed });
  dir = mkdtempSync(join(tmpdir(), "qac-terminal-"));
  cpSync(join(root, "examples/plans"), join(dir, "examples/plans"), { recursive: true });
});
afterAll(() => sim.close());

/**
 * Runs `qac args` with `script`, which gives it a pseudo-terminal (stdout and stderr are TTYs), or
 * without (pipes, as in most CI); returns the exit code and everything it wrote.
 */
function run(args: string, options: { tty: boolean; env?: Record<string, string> }) {
  const env = {
    PATH: process.env["PATH"] ?? "",
    HOME: dir,
    QAC_URL: sim.url,
    QAC_USER: "demo@qac.example",
    QAC_PASSWORD: "demo",
    NO_COLOR: "1",
    COLUMNS: "200",
    ...options.env,
  };
  const command = `${qac} ${args}`;
  const [file, argv] = options.tty
    ? ["script", ["-qefc", `stty cols 200; ${command}`, "/dev/null"]]
    : ["sh", ["-c", `${command} 2>&1`]];
  return new Promise<{ code: number; output: string }>((resolve) => {
    execFile(file, argv, { cwd: dir, env, timeout: 60_000 }, (error, stdout) =>
      resolve({
        code: error ? Number((error as { code?: unknown }).code) : 0,
        output: stdout.replaceAll("\r\n", "\n"),
      }),
    );
  });
}

const apply = "apply examples/plans/smoke.yaml --wait --timeout 2m";

describe("qac apply --wait through the real binary", { timeout: 60_000 }, () => {
  it("on a terminal: a bar redrawn in place with counts and time left, the first failure above it", async () => {
    const { code, output } = await run(`${apply} --once-per tty`, { tty: true });
    expect(code).toBe(1);
    const frames = output.split("\r\u001b[K").filter((f) => f.startsWith("["));
    expect(frames.length).toBeGreaterThan(1);
    expect(frames.at(-1)).toMatch(
      new RegExp(
        String.raw`^\[#+-*\] \d/2 · \d passed · \d failed · 0 blocked · ` +
          String.raw`\d in progress · \d awaiting · \d+s elapsed · 1m\d\ds left`,
      ),
    );
    expect(output).toMatch(
      /First failure: run \d+ Failed · set Checkout smoke · Chrome \/ Windows 11 · 2026\.12 \/ RC1 \/ Build 42/,
    );
    expect(output).toContain("Failed: 1 of 2 runs did not pass");
  });

  it("in CI on a terminal (CI=true) and without one: plain lines, each written once, no redrawing", async () => {
    for (const [tty, env] of [
      [true, { CI: "true" }],
      [false, {}],
    ] as const) {
      const { code, output } = await run(`${apply} --once-per ci-${tty}`, { tty, env });
      expect(code).toBe(1);
      expect(output).not.toContain("\u001b[");
      expect(output).toMatch(
        /^\[0:00\] 0 of 2 finished: 0 passed · 0 failed · 0 blocked · \d in progress · \d awaiting · 2m left$/m,
      );
      expect(output).toMatch(/^\[\d:\d\d\] run \d+ Failed · set Checkout smoke .*\(first failure\)$/m);
      const lines = output.split("\n").filter((l) => l.trim() !== "");
      expect(new Set(lines).size, output).toBe(lines.length);
    }
  });
});
