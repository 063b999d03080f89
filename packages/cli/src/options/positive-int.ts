import { InvalidArgumentError } from "commander";

/** Parses a whole number from 1 to 1000 (a commander argument parser), e.g. `--concurrency`. */
export function positiveInt(raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 1000)
    throw new InvalidArgumentError(`must be a whole number from 1 to 1000, got ${JSON.stringify(raw)}.`);
  return Number(raw);
}
