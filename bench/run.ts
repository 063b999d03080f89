/**
 * `pnpm bench [name...]`: runs every benchmark suite (or the named ones), prints a table and
 * writes bench/results/latest.json. Suites are found in packages/<pkg>/bench/*.bench.ts.
 */
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BenchResult, BenchSuite } from "./types.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

async function findSuiteFiles(): Promise<string[]> {
  const packagesDir = join(root, "packages");
  const files: string[] = [];
  for (const pkg of (await readdir(packagesDir)).sort()) {
    const benchDir = join(packagesDir, pkg, "bench");
    const entries = await readdir(benchDir).catch(() => [] as string[]);
    for (const entry of entries.sort()) if (entry.endsWith(".bench.ts")) files.push(join(benchDir, entry));
  }
  return files;
}

function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => [
    r.id,
    `${r.value} ${r.unit}`,
    r.baseline ? `${r.baseline.name}: ${r.baseline.value}` : "-",
    r.ratio === null ? "-" : String(r.ratio),
    r.calls === null ? "-" : String(r.calls),
  ]);
  const header = ["id", "value", "baseline", "ratio", "calls"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const suites: BenchSuite[] = [];
  for (const file of await findSuiteFiles()) {
    const mod = (await import(pathToFileURL(file).href)) as { default: BenchSuite };
    suites.push(mod.default);
  }
  const selected = wanted.length === 0 ? suites : suites.filter((s) => wanted.includes(s.name));
  if (selected.length === 0) {
    console.error(
      `No benchmark named ${wanted.join(", ")}. Known: ${suites.map((s) => s.name).join(", ") || "(none)"}`,
    );
    process.exitCode = 1;
    return;
  }
  const results: BenchResult[] = [];
  for (const suite of selected) {
    console.error(`running ${suite.name}: ${suite.description}`);
    results.push(...(await suite.run()));
  }
  printTable(results);
  const outDir = join(root, "bench", "results");
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, "latest.json"), JSON.stringify({ results }, null, 2) + "\n");
  console.error(`wrote ${join("bench", "results", "latest.json")}`);
}

await main();
