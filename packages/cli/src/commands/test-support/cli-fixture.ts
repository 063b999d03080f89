import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator, type Simulator } from "@qac/simulator";
import type { CliIo } from "../../cli-io.js";

/** A plan for the simulator's Web Shop: one test on two configurations and one set. */
const PLAN = `version: 1
project: Web Shop
configurations:
  chrome: "Chrome / Windows 11"
  firefox: "Firefox / Ubuntu 24.04"
releases:
  build42: "2026.12 / RC1 / Build 42"
hosts:
  windows: build-agent-01
defaults:
  releases: build42
  host: windows
entries:
  - key: search
    test: Search by product name
    configurations: [chrome, firefox]
  - key: checkout
    testSet: Checkout smoke
    configurations: [chrome]
`;

/** A simulator (virtual clock), a temp dir with plan.yaml, and an io capturing output. */
export async function cliFixture(): Promise<{
  sim: Simulator;
  dir: string;
  io: (extra?: Partial<CliIo> & { env?: Record<string, string> }) => {
    io: CliIo;
    out: () => string;
    err: () => string;
  };
}> {
  const sim = await startSimulator({ port: 0, clock: "virtual" });
  const dir = await mkdtemp(join(tmpdir(), "qac-cli-"));
  await writeFile(join(dir, "plan.yaml"), PLAN);
  const io = (extra: Partial<CliIo> & { env?: Record<string, string> } = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const value: CliIo = {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s) },
      cwd: dir,
      ...extra,
      env: { QAC_URL: sim.url, QAC_USER: "demo@qac.example", QAC_PASSWORD: "demo", ...extra.env },
    };
    return { io: value, out: () => out.join(""), err: () => err.join("") };
  };
  return { sim, dir, io };
}
