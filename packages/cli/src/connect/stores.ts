import { hostname } from "node:os";
import { dirname, join, resolve } from "node:path";
import type { LeaseHolder, LedgerStore, LeaseProvider, RunTestCache } from "@qac/runner";
import type { PlanFlags } from "../options/plan-options.js";
import { terminalText } from "../render/terminal-text.js";
import type { CommandContext } from "../run-cli.js";

/** Where an apply keeps its `--once-per` records, its lease and its run-test cache. */
export interface Stores {
  ledger: LedgerStore;
  lease: LeaseProvider;
  runTests: RunTestCache;
  /** The status server (`--status-url` or QAC_STATUS_URL), or null for local files. */
  statusUrl: string | null;
}

/**
 * The `--once-per` ledger (always the local state file, and the status server when configured)
 * and the lease (the status server's when configured, a local lock file otherwise).
 */
export async function stores(flags: PlanFlags & { url?: string }, ctx: CommandContext): Promise<Stores> {
  const runner = await import("@qac/runner");
  const statusUrl = flags.statusUrl ?? ctx.io.env["QAC_STATUS_URL"] ?? null;
  const stateFile = resolve(ctx.io.cwd, flags.stateFile ?? runner.DEFAULT_STATE_FILE);
  // Which test a single-test run runs: a local cache either way (it only saves item reads),
  // scoped to the server, whose run ids mean nothing on another one.
  const runTests = runner.createLocalRunTestCache(join(dirname(stateFile), "run-tests.json"), {
    scope: flags.url ?? ctx.io.env["QAC_URL"] ?? "",
  });
  // Records always go to the local state file too: they survive a status server that is down,
  // and are sent to it when it answers again.
  const local = runner.createLocalLedger(stateFile);
  const notice = (message: string) => ctx.io.stderr.write(`note: ${terminalText(message)}\n`);
  if (statusUrl) {
    const status = runner.createStatusClient({ url: statusUrl, token: ctx.io.env["QAC_STATUS_TOKEN"] });
    const lease = runner.createStatusLeaseProvider(status, { holder: holder(ctx) });
    const ledger = runner.createDurableLedger(local, { url: status.url, store: status.ledger }, notice);
    return { ledger, lease, runTests, statusUrl };
  }
  return {
    ledger: runner.createDurableLedger(local, null, notice),
    lease: runner.createLocalLeaseProvider({ dir: join(dirname(stateFile), "locks"), holder: holder(ctx) }),
    runTests,
    statusUrl: null,
  };
}

/** Who holds the lease, as other applies waiting for it are told. */
function holder(ctx: CommandContext): LeaseHolder {
  const env = ctx.io.env;
  const job = env["GITHUB_JOB"] ? `${env["GITHUB_RUN_ID"] ?? ""}/${env["GITHUB_JOB"]}` : env["CI_JOB_ID"];
  // The host must be os.hostname(): the local lock checks PID liveness only for holders on this machine.
  return { name: "qac apply", pid: process.pid, host: hostname(), ...(job ? { ciJob: job } : {}) };
}
