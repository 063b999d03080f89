import type { CommandContext } from "../run-cli.js";

/** The fields of an apply report's run that decide whether `--wait` / `qac wait report.json` waits for it. */
interface WaitableRun {
  runId: number | null;
  outcome: string;
  host: unknown;
}

/**
 * The runs of an apply report to wait for: the created or already pending ones that a test host
 * runs. A run without a host (`manual: true`) is run by people and finishes when they say so, so
 * waiting for it would only end at the deadline; those are named on stderr instead.
 */
export function runsToWaitFor(runs: readonly WaitableRun[], ctx: CommandContext): number[] {
  const placed = runs.filter((r) => r.runId !== null && (r.outcome === "created" || r.outcome === "satisfied"));
  const manual = placed.filter((r) => r.host === null).map((r) => r.runId!);
  if (manual.length > 0)
    ctx.io.stderr.write(
      `Not waiting for ${manual.length} manual run${manual.length === 1 ? "" : "s"} (no test host; people run ` +
        `${manual.length === 1 ? "it" : "them"}): ${manual.join(", ")}\n`,
    );
  return placed.filter((r) => r.host !== null).map((r) => r.runId!);
}
