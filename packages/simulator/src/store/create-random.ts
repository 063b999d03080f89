import { unsafeUniformIntDistribution, xoroshiro128plus } from "pure-rand";

/** A seeded random source: the same seed gives the same sequence on every machine. */
export interface Random {
  /** A whole number in [from, to]. */
  int(from: number, to: number): number;
  /** A number in [0, 1). */
  float(): number;
}

/** Creates a deterministic random source (xoroshiro128+). */
export function createRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed | 0);
  return {
    int: (from, to) => unsafeUniformIntDistribution(from, to, rng),
    float: () => unsafeUniformIntDistribution(0, 0x7fffffff, rng) / 0x80000000,
  };
}
