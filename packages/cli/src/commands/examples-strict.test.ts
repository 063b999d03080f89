/**
 * Issue 9 acceptance: against `qac sim --strict --max-page-size 5 --clock virtual`, applying an
 * example plan and then applying it again without --once-per creates nothing the second time
 * (but the runs the plan forces with `forceNewRun: true`, which always start anew).
 */
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startSimulator } from "@qac/simulator";
import { describe, expect, it } from "vitest";
import { EXIT } from "../exit-codes.js";
import { runCli } from "../run-cli.js";
import type { CliIo } from "../cli-io.js";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const plans = (await readdir(`${root}examples/plans`)).filter((f) => f.endsWith(".yaml")).sort();

describe("example plans against a strict simulator with pages of 5", () => {
  it.each(plans)("%s: a second apply without --once-per creates nothing", async (file) => {
    const sim = await startSimulator({ port: 0, clock: "virtual", strict: true, maxPageSize: 5 });
    // Lock, state and cache files in a folder of this test's own, not the repository's .qac/.
    const state = join(await mkdtemp(join(tmpdir(), "qac-examples-")), "state.json");
    try {
      const apply = async () => {
        const out: string[] = [];
        const io: CliIo = {
          stdout: { write: (s: string) => out.push(s) },
          stderr: { write: () => true },
          cwd: root,
          env: { QAC_URL: sim.url, QAC_USER: "demo@qac.example", QAC_PASSWORD: "demo" },
        };
        const exit = await runCli(["apply", `examples/plans/${file}`, "--json", "--state-file", state], io);
        const report = JSON.parse(out.join("")) as {
          summary: { created: number; satisfied: number };
          runs: { decision: string }[];
        };
        return { exit, forced: report.runs.filter((r) => r.decision === "create-forced").length, ...report.summary };
      };
      const first = await apply();
      expect(first).toMatchObject({ exit: EXIT.OK, satisfied: 0 });
      expect(first.created).toBeGreaterThan(0);
      const before = sim.runs.count();
      const second = await apply();
      expect(second).toEqual({
        ...second,
        exit: EXIT.OK,
        created: first.forced,
        satisfied: first.created - first.forced,
      });
      expect(sim.runs.count()).toBe(before + first.forced);
    } finally {
      await sim.close();
    }
  });
});
