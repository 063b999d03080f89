/**
 * The contract between `bench/run.ts` and every benchmark suite.
 *
 * A suite lives in `packages/<pkg>/bench/<name>.bench.ts` and default-exports a {@link BenchSuite}.
 * Each result carries the baseline it is compared with, measured in the same run, because these
 * machines are noisy: absolute numbers mean little, ratios travel.
 */
export interface BenchResult {
  /** Stable id, e.g. `simulator.create-throughput`. */
  id: string;
  value: number;
  /** e.g. `ops/s`, `ms`, `MiB`, `calls`. */
  unit: string;
  /** What `value` is compared with, measured in the same run (null when nothing compares). */
  baseline: { name: string; value: number } | null;
  /** `value / baseline.value` (null without a baseline). */
  ratio: number | null;
  /** HTTP calls made while measuring, where that matters (null otherwise). */
  calls: number | null;
}

export interface BenchSuite {
  /** Short name used by `pnpm bench <name>`. */
  name: string;
  description: string;
  run(): Promise<BenchResult[]>;
}

/** Builds a result and computes its ratio. */
export function result(
  id: string,
  value: number,
  unit: string,
  baseline: { name: string; value: number } | null = null,
  calls: number | null = null,
): BenchResult {
  const ratio = baseline && baseline.value !== 0 ? round(value / baseline.value, 3) : null;
  return {
    id,
    value: round(value, 3),
    unit,
    baseline: baseline ? { ...baseline, value: round(baseline.value, 3) } : null,
    ratio,
    calls,
  };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
