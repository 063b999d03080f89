import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../src/pack.js";

/** A plan whose configuration is misspelt: `qac` reports PLAN_UNKNOWN_REF at 6:22. */
const BROKEN_PLAN =
  "version: 1\nproject: Web Shop\nentries:\n  - key: smoke\n    testSet: Checkout smoke\n    configurations: [chrom]\n";

/** A user's repository with qac plans in `qac/`: the example smoke plan (and what it includes) and a broken one. */
export function userRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), "qac-user-repo-"));
  mkdirSync(join(dir, "qac"));
  cpSync(join(repoRoot, "examples/plans/smoke.yaml"), join(dir, "qac/smoke.yaml"));
  cpSync(join(repoRoot, "examples/plans/shared"), join(dir, "qac/shared"), { recursive: true });
  writeFileSync(join(dir, "qac/broken.yaml"), BROKEN_PLAN);
  return dir;
}
