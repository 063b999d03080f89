import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../src/repo-root.js";

/** A vitest JSON report with these test statuses. */
const report = (statuses: string[]) =>
  JSON.stringify({
    numPassedTests: statuses.filter((s) => s === "passed").length,
    numFailedTests: statuses.filter((s) => s === "failed").length,
    numPendingTests: statuses.filter((s) => s === "skipped").length,
    numTodoTests: 0,
    testResults: [{ assertionResults: statuses.map((status, i) => ({ status, fullName: `case ${i} ${status}` })) }],
  });

describe("pnpm test's last line (scripts/test-totals.mjs)", () => {
  it("adds up the reports the run wrote, names skipped tests, ignores old reports, keeps the exit code", async () => {
    const root = mkdtempSync(join(tmpdir(), "qac-totals-"));
    writeFileSync(join(root, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n  - schemas\n");
    for (const dir of ["packages/core/test-results", "packages/old/test-results", "schemas/test-results"])
      mkdirSync(join(root, dir), { recursive: true });
    // A package not run this time: its report is from an earlier run.
    writeFileSync(join(root, "packages/old/test-results/vitest.json"), report(["failed"]));
    utimesSync(join(root, "packages/old/test-results/vitest.json"), new Date(0), new Date(0));
    // The command stands for Nx: it runs the packages' tests (writing their reports) and fails.
    const write = (dir: string, statuses: string[]) =>
      `require("fs").writeFileSync(${JSON.stringify(join(root, dir, "test-results/vitest.json"))}, ` +
      `${JSON.stringify(report(statuses))});`;
    const nx =
      write("packages/core", ["passed", "passed", "skipped"]) +
      write("schemas", ["passed", "failed"]) +
      "process.exit(3);";
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(
        process.execPath,
        [join(repoRoot(), "scripts/test-totals.mjs"), process.execPath, "-e", nx],
        { env: { ...process.env, QAC_TEST_TOTALS_ROOT: root } },
        (error, out) => resolve({ code: error ? Number(error.code) : 0, stdout: out }),
      ),
    );
    expect(code).toBe(3);
    expect(stdout).toBe(
      "  skipped: packages/core › case 2 skipped\nTests: 3 passed, 1 failed, 1 skipped (2 packages)\n",
    );
  });
});
