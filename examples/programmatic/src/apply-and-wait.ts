/**
 * Apply a plan from TypeScript and wait for its runs: what `qac apply --once-per ID --wait` does.
 * The apply identity makes a second apply of the same plan create nothing, even after the runs
 * finished; the record is kept in a local state file here (a status server in CI).
 *
 *   pnpm --filter @qac/examples-programmatic apply
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { QacClient } from "@qac/core";
import {
  applyPlan,
  createLocalLeaseProvider,
  createLocalLedger,
  waitForRuns,
  type ApplyReport,
  type WaitResult,
} from "@qac/runner";
import { SMOKE_PLAN, startDemoServer } from "./demo-server.js";
import { resolvePlanFile } from "./resolve-plan-file.js";

/** Where an example apply keeps its once-per record and lock, and how it waits. */
interface ApplyAndWaitOptions {
  /** The `--once-per` id, e.g. a commit SHA. */
  applyIdentity: string;
  /** Folder for `state.json` and `locks/`. */
  stateDir: string;
  /** How to wait between polls (the simulator's virtual clock in this example). @default real time */
  sleep?: (ms: number) => Promise<void>;
  /** Clock for the wait's deadline. @default Date.now */
  now?: () => number;
}

/** Applies a plan file once per `applyIdentity`, then waits for the runs it created or adopted. */
async function applyAndWait(
  client: QacClient,
  file: string,
  options: ApplyAndWaitOptions,
): Promise<{ report: ApplyReport; wait: WaitResult }> {
  const plan = await resolvePlanFile(client, file);
  const report = await applyPlan(client, plan, {
    applyIdentity: options.applyIdentity,
    ledger: createLocalLedger(join(options.stateDir, "state.json")),
    lease: createLocalLeaseProvider({ dir: join(options.stateDir, "locks") }),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const runIds = report.runs.flatMap((r) => (r.runId === null ? [] : [r.runId]));
  const wait = await waitForRuns(client, plan.project.id, runIds, {
    timeoutMs: 30 * 60_000,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  return { report, wait };
}

/** What an apply did, from its report: counts, then each run with its id. */
function describeApply(report: ApplyReport): string {
  const s = report.summary;
  const runs = report.runs.map((r) => `  ${r.outcome.padEnd(10)} run ${r.runId ?? "-"}  ${r.kind} ${r.title}\n`);
  return `Applied ${report.plan.name}: ${s.created} created, ${s.satisfied} satisfied\n${runs.join("")}`;
}

/** Runs the example against a fresh simulator: apply and wait, then apply again (nothing is created). */
export async function main(
  print: (text: string) => void = (t) => void process.stdout.write(t),
): Promise<{ first: ApplyReport; wait: WaitResult; second: ApplyReport }> {
  const server = await startDemoServer();
  const stateDir = await mkdtemp(join(tmpdir(), "qac-example-"));
  try {
    const options = { applyIdentity: "example-commit-1", stateDir, sleep: server.sleep, now: server.now };
    const { report: first, wait } = await applyAndWait(server.client, SMOKE_PLAN, options);
    print(describeApply(first));
    print(`Waited: ${wait.outcome} (${wait.reason}) in ${wait.calls} list calls.\n`);
    const { report: second } = await applyAndWait(server.client, SMOKE_PLAN, options);
    print(describeApply(second));
    return { first, wait, second };
  } finally {
    await server.close();
    await rm(stateDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
