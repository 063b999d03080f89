#!/usr/bin/env node
/**
 * `pnpm test`'s last line: runs the command it is given (the Nx run of every package's checks),
 * then adds up the vitest JSON reports the packages wrote during that run
 * (`<package>/test-results/vitest.json`, see vitest.shared.ts) and ends with one line of totals,
 * `Tests: N passed, N failed, N skipped (P packages)`, after the names of skipped tests, so a skipped
 * browser test is visible whatever Nx's output style. Exits with the command's exit code.
 *
 *   node scripts/test-totals.mjs nx run-many -t typecheck lint test
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { packageDirs } from "./workspace-packages.mjs";

const root = process.env.QAC_TEST_TOTALS_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Totals of the reports written since `since` (epoch ms): reports of packages not run are old. */
function readTotals(since) {
  const totals = { passed: 0, failed: 0, skipped: 0, packages: 0, skippedNames: [] };
  for (const dir of packageDirs(root)) {
    const file = join(dir, "test-results", "vitest.json");
    if (!existsSync(file) || statSync(file).mtimeMs < since) continue;
    const report = JSON.parse(readFileSync(file, "utf8"));
    totals.packages += 1;
    totals.passed += report.numPassedTests ?? 0;
    totals.failed += report.numFailedTests ?? 0;
    totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    for (const suite of report.testResults ?? [])
      for (const test of suite.assertionResults ?? [])
        if (["skipped", "pending", "todo"].includes(test.status))
          totals.skippedNames.push(`${relative(root, dir)} › ${test.fullName ?? test.title}`);
  }
  return totals;
}

const [command, ...args] = process.argv.slice(2);
// Reports restored from Nx's cache are rewritten too, so anything older than this run is not part of it.
const since = Date.now() - 1000;
const code = command
  ? await new Promise((done) => {
      const child = spawn(command, args, { stdio: "inherit" });
      child.on("error", (error) => (process.stderr.write(`test-totals: ${error.message}\n`), done(1)));
      child.on("exit", (exit, signal) => done(exit ?? (signal ? 1 : 0)));
    })
  : 0;
const t = readTotals(since);
for (const name of t.skippedNames) process.stdout.write(`  skipped: ${name}\n`);
process.stdout.write(
  `Tests: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped (${t.packages} ` +
    `package${t.packages === 1 ? "" : "s"})\n`,
);
process.exitCode = code;
