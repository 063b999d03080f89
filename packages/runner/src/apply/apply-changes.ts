import { basename, extname } from "node:path";
import type { ResolvedPlan } from "@qac/planner";
import pLimit from "p-limit";
import type { Change } from "../diff/change.js";
import { RunnerError, isRunnerError } from "../errors.js";
import { diffPlan } from "../diff/diff-plan.js";
import type { LeaseHolder, LeaseProvider } from "../lease/lease.js";
import { createRecorder } from "../ledger/coalescing-recorder.js";
import type { LedgerStore } from "../ledger/ledger-store.js";
import { observeRunHistory, type RunnerClient } from "../observe/observe-run-history.js";
import type { RunHistory } from "../observe/observed-run.js";
import type { RunTestCache } from "../observe/run-test-cache.js";
import { describeRun, summarizeRuns, type ApplyReport, type CiInfo, type ReportRun } from "../report/apply-report.js";
import { checkEveryRun } from "../report/check-every-run.js";
import { checkStale, type SavedDecision } from "./check-stale.js";
import { createRunSafely, type CreateContext } from "./create-run-safely.js";
import { RunBook } from "./run-book.js";
import { realSleep, type Sleep } from "../sleep.js";

/** Progress of an apply, for renderers. */
export type ApplyEvent =
  | { type: "lease-wait"; holder: LeaseHolder | null }
  | { type: "observed"; history: RunHistory; changes: Change[] }
  | { type: "run"; run: ReportRun; done: number; total: number };

/** Options of {@link applyChanges}. */
export interface ApplyOptions {
  /** Creates in flight at once. @default 8 */
  concurrency?: number;
  /** `--once-per` id (commit SHA, pipeline id). @default null */
  applyIdentity?: string | null;
  /** Where `--once-per` records live (needed with `applyIdentity`). */
  ledger?: LedgerStore | null;
  /** Serialises applies of the same plan; null applies without one (tests, single users). */
  lease?: LeaseProvider | null;
  /** Longest wait for the lease. @default 600000 */
  lockTimeoutMs?: number;
  /** The decisions of a saved plan: the apply is refused (RUNNER_STALE_PLAN) when Run History gives others. */
  expected?: readonly SavedDecision[] | null;
  /** Abort = stop starting creates; in-flight ones finish and are reconciled. */
  signal?: AbortSignal;
  onEvent?: (event: ApplyEvent) => void;
  sleep?: Sleep;
  /** Creates tried per run when outcomes stay unknown. @default 5 */
  maxCreateAttempts?: number;
  /** Plan name for the lease and the report. @default the file name without extension */
  planName?: string;
  ci?: CiInfo | null;
  user?: string | null;
  /** Test ids of single-test runs: read from it while observing, and runs created here are added. */
  runTests?: RunTestCache | null;
  /** Rows per `GET testruns` page while observing. @default 1000 */
  pageSize?: number;
}

/**
 * Applies a resolved plan: takes the lease, observes Run History afresh under it, diffs, and
 * creates what the diff says. Independent runs go in parallel up to `concurrency`; a sequence
 * group runs one create at a time in declared order and stops at its first failure (the rest are
 * reported as not started). Returns the report; network failures of the observation throw.
 *
 * @example
 * const report = await applyChanges(client, resolved, { lease: createLocalLeaseProvider() });
 * console.log(report.summary); // { created: 3, satisfied: 1, failed: 0, notStarted: 0 }
 */
export async function applyChanges(
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
  const sleep = options.sleep ?? realSleep;
  const applyIdentity = options.applyIdentity ?? null;
  const lease = options.lease
    ? await options.lease.acquire(
        { projectId: plan.project.id, plan: planName },
        {
          timeoutMs: options.lockTimeoutMs ?? 600_000,
          ...(options.signal ? { signal: options.signal } : {}),
          onWait: (holder) => options.onEvent?.({ type: "lease-wait", holder }),
        },
      )
    : null;
  try {
    const history = await observeRunHistory(client, plan.project.id, plan.runs, {
      applyIdentity,
      ledger: options.ledger ?? null,
      pageSize: options.pageSize ?? 1000,
      runTests: options.runTests ?? null,
    });
    const changes = diffPlan(plan.runs, history);
    if (options.expected) checkStale(options.expected, changes);
    options.onEvent?.({ type: "observed", history, changes });
    const book = new RunBook([...history.runs.map((r) => r.id), ...Object.values(history.ledger ?? {})]);
    for (const c of changes) if (c.satisfiedBy !== null) book.take(c.satisfiedBy, c.identity);
    const recorder =
      applyIdentity !== null && options.ledger ? createRecorder(options.ledger, plan.project.id, applyIdentity) : null;
    const stopping = () => options.signal?.aborted === true || lease?.lost() === true;
    const ctx: CreateContext = {
      client,
      projectId: plan.project.id,
      book,
      cache: new Map(),
      sleep,
      maxAttempts: options.maxCreateAttempts ?? 5,
      stopping,
      createdRows: new Map(),
    };
    const results = new Map<string, ReportRun>();
    let done = 0;
    const finish = (
      change: Change,
      r: Omit<ReportRun, keyof ReturnType<typeof describeRun> | "decision">,
      decision: ReportRun["decision"] = change.decision,
    ): boolean => {
      const run: ReportRun = { ...describeRun(change.run), decision, ...r };
      results.set(change.identity, run);
      // A run created (or adopted) under --once-per is recorded at once, so a rerun after a crash finds it.
      if (
        recorder &&
        run.runId !== null &&
        (run.outcome === "created" || run.outcome === "satisfied") &&
        change.cause !== "once-per"
      )
        recorder.add({ identity: change.identity, runId: run.runId });
      done += 1;
      options.onEvent?.({ type: "run", run, done, total: changes.length });
      return run.outcome === "created" || run.outcome === "satisfied";
    };
    const handle = async (change: Change): Promise<boolean> => {
      if (change.decision === "skip")
        return finish(change, {
          outcome: "satisfied",
          runId: change.satisfiedBy,
          status: change.satisfiedByStatus,
          reason: change.reason,
        });
      if (ctx.stopping())
        return finish(
          change,
          {
            outcome: "not-started",
            runId: null,
            status: null,
            reason: lease?.lost() ? "not started: the lease was lost" : "not started: the apply was interrupted",
          },
          "not-started",
        );
      return finish(change, await createRunSafely(change.run, ctx));
    };
    const limit = pLimit(options.concurrency ?? 8);
    const groups = new Map<string, Change[]>();
    const tasks: Promise<unknown>[] = [];
    for (const change of changes) {
      const group = change.run.sequence?.group;
      if (group === undefined) tasks.push(limit(() => handle(change)));
      else groups.set(group, [...(groups.get(group) ?? []), change]);
    }
    for (const [group, members] of groups) {
      members.sort((a, b) => a.run.sequence!.position - b.run.sequence!.position);
      tasks.push(
        limit(async () => {
          let failedAt: string | null = null;
          for (const change of members) {
            // After Ctrl-C (or a lost lease) the rest say so, not that an earlier run of the group failed.
            if (failedAt !== null && !ctx.stopping())
              finish(
                change,
                {
                  outcome: "not-started",
                  runId: null,
                  status: null,
                  reason: `not started: ${failedAt}, earlier in sequence group ${group}, failed`,
                },
                "not-started",
              );
            else if (!(await handle(change)) && change.decision !== "skip") failedAt = change.run.runKey;
          }
        }),
      );
    }
    await Promise.all(tasks);
    const created = changes.flatMap((c) => {
      const r = results.get(c.identity);
      const row = r?.runId != null && r.outcome === "created" ? ctx.createdRows.get(r.runId) : undefined;
      return c.run.testId !== null && row ? [{ run: row, testId: c.run.testId }] : [];
    });
    await options.runTests?.put(created).catch(() => undefined);
    const recorded = await recorder?.flush().then(
      () => null,
      (error: unknown) => error as Error,
    );
    const runs = changes.map((c) => results.get(c.identity)!);
    const summary = summarizeRuns(runs);
    const interrupted = options.signal?.aborted === true || lease?.lost() === true;
    const report: ApplyReport = {
      version: 1,
      plan: { name: planName, file: plan.file },
      project: { id: plan.project.id, name: plan.project.name },
      applyIdentity,
      startedAt,
      finishedAt: new Date().toISOString(),
      status: interrupted ? "interrupted" : summary.failed > 0 || summary.notStarted > 0 ? "failed" : "succeeded",
      ci: options.ci ?? null,
      user: options.user ?? null,
      runs,
      summary,
    };
    // Runs were created: a broken invariant still hands out the report, so nothing is lost.
    checkEveryRun(
      plan,
      runs.map((r) => r.runKey),
      "apply report",
      { report },
    );
    // The runs exist but a rerun with the same --once-per id would not know them: say so loudly,
    // with the report, rather than losing what was created.
    if (recorded)
      throw new RunnerError(
        isRunnerError(recorded) ? recorded.code : "RUNNER_STATE_FILE",
        `the runs were applied (${summary.created} created) but the --once-per record could not be written: ${recorded.message}`,
        { report },
        { cause: recorded },
      );
    return report;
  } finally {
    await lease?.release();
  }
}
