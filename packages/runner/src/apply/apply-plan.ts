import { basename, extname } from "node:path";
import { resolveRetry } from "@qac/core";
import type { ResolvedPlan } from "@qac/planner";
import type { Change } from "../diff/change.js";
import { diffPlan } from "../diff/diff-plan.js";
import { RunnerError } from "../errors.js";
import type { Lease, LeaseHolder, LeaseProvider } from "../lease/lease.js";
import { createRecorder, type RecordFailure, type Recorder } from "../ledger/coalescing-recorder.js";
import type { DurableLedger } from "../ledger/durable-ledger.js";
import type { LedgerStore } from "../ledger/ledger-store.js";
import { observeRunHistory, type RunnerClient } from "../observe/observe-run-history.js";
import type { RunHistory } from "../observe/observed-run.js";
import type { RunTestCache } from "../observe/run-test-cache.js";
import type { ApplyReport, CiInfo, ReportRun } from "../report/apply-report.js";
import { checkEveryRun } from "../report/check-every-run.js";
import { realSleep, type Sleep } from "../sleep.js";
import { buildReport } from "./build-report.js";
import { checkStale, type SavedDecision } from "./check-stale.js";
import { executeChanges } from "./execute-changes.js";
import { handleChange, reportRun, type HandleContext } from "./handle-change.js";
import { RunBook } from "./run-book.js";

/** Progress of an apply, for renderers. */
export type ApplyEvent =
  | { type: "lease-wait"; holder: LeaseHolder | null }
  | { type: "observed"; history: RunHistory; changes: Change[] }
  | { type: "run"; run: ReportRun; done: number; total: number }
  | { type: "notice"; message: string };

/** Options of {@link applyPlan}. */
export interface ApplyOptions {
  /** Creates in flight at once. @default 8 */
  concurrency?: number;
  /** `--once-per` id (commit SHA, pipeline id). @default null */
  applyIdentity?: string | null;
  /** Where `--once-per` records live (needed with `applyIdentity`); a `DurableLedger` is synced at the end. */
  ledger?: LedgerStore | DurableLedger | null;
  /** Serialises applies to the same project; null applies without one (tests, single users). */
  lease?: LeaseProvider | null;
  /** Longest wait for the lease. @default 600000 */
  lockTimeoutMs?: number;
  /** The decisions of a saved plan: the apply is refused (RUNNER_STALE_PLAN) when Run History gives others. */
  expected?: readonly SavedDecision[] | null;
  /** Abort = stop starting creates; in-flight ones finish and are reconciled. */
  signal?: AbortSignal;
  onEvent?: (event: ApplyEvent) => void;
  /** Waits between creates whose outcome stayed unknown; inject a fake in tests. @default real waiting */
  sleep?: Sleep;
  /**
   * Creates tried per run when each outcome stays unknown and reconciliation finds no run; between
   * them, core's backoff (`retryDelay` with `RETRY_DEFAULTS`' delays). @default 5
   */
  maxCreateAttempts?: number;
  /** Random source in [0, 1) for the jitter of that backoff. @default Math.random */
  random?: () => number;
  /** Plan name for the lease holder and the report. @default the file name without extension */
  planName?: string;
  ci?: CiInfo | null;
  user?: string | null;
  /** Test ids of single-test runs: read from it while observing, and runs created here are added. */
  runTests?: RunTestCache | null;
  /** Rows per `GET testruns` page while observing. @default 1000 */
  pageSize?: number;
  /** QAComplete's offset from UTC, to read run dates when reconciling `--once-per` intents. @default 0 */
  serverUtcOffsetMinutes?: number;
}

/**
 * Applies a resolved plan: takes the project's lease, observes Run History afresh under it, diffs,
 * checks a saved plan is not stale, creates what the diff says (see {@link executeChanges} and
 * {@link handleChange}), and reports every run. Network failures of the observation throw; a run
 * created but not recorded under `--once-per` anywhere throws RUNNER_RECORD_NOT_DURABLE with the
 * report and the runs to look at.
 *
 * @example
 * const report = await applyPlan(client, resolved, { lease: createLocalLeaseProvider() });
 * console.log(report.summary); // { created: 3, satisfied: 1, failed: 0, notStarted: 0 }
 */
export async function applyPlan(
  client: RunnerClient,
  plan: ResolvedPlan,
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  const startedAt = new Date().toISOString();
  // Before anything is created: a desired run missing from the resolved plan would never be applied.
  checkEveryRun(
    plan,
    plan.runs.map((r) => r.runKey),
    "resolved plan",
  );
  const planName = options.planName ?? basename(plan.file, extname(plan.file));
  const applyIdentity = options.applyIdentity ?? null;
  const notice = (message: string) => options.onEvent?.({ type: "notice", message });
  const lease = await acquire(options, plan.project.id, planName);
  try {
    const history = await observeRunHistory(client, plan.project.id, plan.runs, {
      applyIdentity,
      ledger: options.ledger ?? null,
      pageSize: options.pageSize ?? 1000,
      runTests: options.runTests ?? null,
      serverUtcOffsetMinutes: options.serverUtcOffsetMinutes ?? 0,
    });
    const changes = diffPlan(plan.runs, history);
    if (options.expected) checkStale(options.expected, changes);
    options.onEvent?.({ type: "observed", history, changes });
    const recorder =
      applyIdentity !== null && options.ledger ? createRecorder(options.ledger, plan.project.id, applyIdentity) : null;
    const stopping = () => options.signal?.aborted === true || lease?.lost() === true;
    const runs = await createRuns(client, plan, changes, history, { options, recorder, lease, stopping });
    const unrecorded = await finishRecords(recorder, options.ledger, plan.project.id, applyIdentity, notice);
    const interrupted = stopping();
    const context = { plan, planName, applyIdentity, startedAt, interrupted, ci: options.ci ?? null };
    const report = buildReport({ ...context, user: options.user ?? null }, runs);
    // Runs were created: a broken invariant still hands out the report, so nothing is lost.
    checkEveryRun(
      plan,
      runs.map((r) => r.runKey),
      "apply report",
      { report },
    );
    if (unrecorded.length > 0) throw notDurable(unrecorded, report, applyIdentity);
    return report;
  } finally {
    await lease
      ?.release()
      .catch((error: unknown) => notice(`the lease could not be released: ${(error as Error).message}`));
  }
}

/** What {@link createRuns} needs besides the plan: the caller's options and the apply's state. */
interface CreateRunsContext {
  options: ApplyOptions;
  recorder: Recorder | null;
  lease: Lease | null;
  /** True once Ctrl-C came or the lease was lost: no new create starts. */
  stopping: () => boolean;
}

/**
 * Creates what the diff says, `options.concurrency` at a time and sequence groups in order, and
 * returns one report row per change, in the changes' order (the runs not started included).
 */
async function createRuns(
  client: RunnerClient,
  plan: ResolvedPlan,
  changes: readonly Change[],
  history: RunHistory,
  { options, recorder, lease, stopping }: CreateRunsContext,
): Promise<ReportRun[]> {
  // Intents an earlier apply left and whose runs were found now get their run ids.
  for (const intent of history.intents)
    if (intent.runId !== null) void recorder?.add({ identity: intent.identity, runId: intent.runId }).catch(() => 0);
  const book = new RunBook([...history.runs.map((r) => r.id), ...Object.values(history.ledger ?? {})]);
  for (const c of changes) if (c.satisfiedBy !== null) book.take(c.satisfiedBy, c.identity);
  const ctx: HandleContext = {
    client,
    projectId: plan.project.id,
    book,
    cache: new Map(),
    retry: resolveRetry({
      maxAttempts: options.maxCreateAttempts ?? 5,
      sleep: options.sleep ?? realSleep,
      ...(options.random ? { random: options.random } : {}),
    }),
    signal: options.signal,
    stopping,
    stopReason: () => (lease?.lost() ? "not started: the lease was lost" : "not started: the apply was interrupted"),
    createdRows: new Map(),
    recorder,
  };
  let done = 0;
  const results = await executeChanges(
    changes,
    async (change) => {
      const run = await handleChange(change, ctx);
      options.onEvent?.({ type: "run", run, done: ++done, total: changes.length });
      return run;
    },
    {
      concurrency: options.concurrency ?? 8,
      stopping,
      notStarted: (change, reason) => {
        const run = reportRun(change, { outcome: "not-started", runId: null, status: null, reason }, "not-started");
        options.onEvent?.({ type: "run", run, done: ++done, total: changes.length });
        return run;
      },
    },
  );
  const runs = changes.map((c) => results.get(c.identity)!);
  await rememberTests(options.runTests, changes, runs, ctx.createdRows);
  return runs;
}

/**
 * Writes the `--once-per` records still queued and sends the status server what it missed.
 * Returns the records of created runs that could be written nowhere.
 */
async function finishRecords(
  recorder: Recorder | null,
  ledger: ApplyOptions["ledger"],
  projectId: number,
  applyIdentity: string | null,
  notice: (message: string) => void,
): Promise<RecordFailure[]> {
  const unrecorded = (await recorder?.flush())?.filter((f) => f.entry.runId !== null) ?? [];
  if (ledger && "sync" in ledger && applyIdentity !== null) {
    const left = await ledger.sync(projectId, applyIdentity).catch(() => -1);
    if (left !== 0)
      notice(
        `some --once-per records are only in the local state file: the next apply sends them to the status server`,
      );
  }
  return unrecorded;
}

/** Takes the lease on the whole project, so two plans sharing runs never create them twice. */
async function acquire(options: ApplyOptions, projectId: number, planName: string): Promise<Lease | null> {
  if (!options.lease) return null;
  return options.lease.acquire(
    { projectId, plan: planName },
    {
      timeoutMs: options.lockTimeoutMs ?? 600_000,
      ...(options.signal ? { signal: options.signal } : {}),
      onWait: (holder) => options.onEvent?.({ type: "lease-wait", holder }),
    },
  );
}

/** Adds the runs this apply created to the run-test cache (it only saves item reads: failures are ignored). */
async function rememberTests(
  cache: RunTestCache | null | undefined,
  changes: readonly Change[],
  runs: readonly ReportRun[],
  rows: HandleContext["createdRows"],
): Promise<void> {
  const created = changes.flatMap((c, i) => {
    const r = runs[i]!;
    const row = r.runId !== null && r.outcome === "created" ? rows.get(r.runId) : undefined;
    return c.run.testId !== null && row ? [{ run: row, testId: c.run.testId }] : [];
  });
  await cache?.put(created).catch(() => undefined);
}

function notDurable(
  failures: readonly { entry: { identity: string; runId: number | null }; error: Error }[],
  report: ApplyReport,
  applyIdentity: string | null,
): RunnerError {
  const runIds = failures.flatMap((f) => (f.entry.runId === null ? [] : [f.entry.runId]));
  return new RunnerError(
    "RUNNER_RECORD_NOT_DURABLE",
    `the runs were applied (${report.summary.created} created) but the --once-per ${applyIdentity} record of runs ` +
      `${runIds.join(", ")} could not be written anywhere (${failures[0]!.error.message}); look at these runs before ` +
      `applying again with the same --once-per id, which would not know them`,
    { identities: failures.map((f) => f.entry.identity), runIds, report },
    { cause: failures[0]!.error },
  );
}
