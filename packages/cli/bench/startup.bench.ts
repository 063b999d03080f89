/**
 * `pnpm bench startup`: how long `qac --version` takes to start (median of N spawns) next to
 * `node -e 0`, the floor for any Node program on this machine.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { result, type BenchResult, type BenchSuite } from "../../../bench/types.js";

const RUNS = 21;
const main = fileURLToPath(new URL("../dist/main.js", import.meta.url));

function medianSpawn(args: string[]): number {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const child = spawnSync(process.execPath, args, { encoding: "utf8" });
    samples.push(performance.now() - t0);
    if (child.status !== 0) throw new Error(`node ${args.join(" ")} exited ${child.status}: ${child.stderr}`);
  }
  return samples.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

const suite: BenchSuite = {
  name: "startup",
  description: "qac --version start-up next to node -e 0",
  run(): Promise<BenchResult[]> {
    const baseline = medianSpawn(["-e", "0"]);
    const version = medianSpawn([main, "--version"]);
    const help = medianSpawn([main, "validate", "--help"]);
    return Promise.resolve([
      result("startup.qac-version", version, "ms", { name: "node -e 0", value: baseline }),
      result("startup.qac-validate-help", help, "ms", { name: "node -e 0", value: baseline }),
    ]);
  },
};

export default suite;
