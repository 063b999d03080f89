/**
 * Child process of the planner bench: does one thing to a plan file and prints its time and the
 * process's peak memory, so peak memory is measured per task, not for the whole bench run.
 *   node --import tsx measure-child.ts yaml|validate FILE
 */
import { readFileSync } from "node:fs";

const [mode, file] = process.argv.slice(2);
if (!file || (mode !== "yaml" && mode !== "validate")) throw new Error("usage: measure-child.ts yaml|validate FILE");
const { parse } = await import("yaml");
const { loadPlan } = await import("@qac/planner");
const before = process.resourceUsage().maxRSS;
const t0 = performance.now();
if (mode === "yaml") parse(readFileSync(file, "utf8"));
else {
  const result = await loadPlan(file, { env: {} });
  if (!result.ok) throw new Error(`generated plan is invalid: ${result.diagnostics[0]?.message}`);
}
const ms = performance.now() - t0;
const usage = process.resourceUsage();
console.log(JSON.stringify({ ms, peakRssMiB: usage.maxRSS / 1024, growthMiB: (usage.maxRSS - before) / 1024 }));
