import {
  isQacError,
  newRetryState,
  QacRateLimitedError,
  retryDelay,
  waitUnlessAborted,
  type ProjectId,
  type ResolvedRetry,
  type TestRun,
} from "@qac/core";
import type { DesiredRun } from "@qac/planner";
import type { RunnerClient } from "../observe/observe-run-history.js";
import type { Outcome } from "../report/apply-report.js";
import type { TestIdCache } from "../observe/find-runs-of-key.js";
import { reconcileCreate } from "./reconcile-create.js";
import type { RunBook } from "./run-book.js";

/** The outcome of creating one run. */
export interface CreateResult {
  outcome: Outcome;
  runId: number | null;
  status: string | null;
  reason: string;
}

/** What {@link createRunSafely} needs besides the run. */
export interface CreateContext {
  client: RunnerClient;
  projectId: ProjectId;
  book: RunBook;
  cache: TestIdCache;
  /**
   * Core's retry policy for creates whose outcome stayed unknown and that reconciliation did not
   * find: `maxAttempts` creates in all, core's jittered backoff (`retryDelay`) between them, waited
   * with its `sleep`.
   */
  retry: ResolvedRetry;
  /** Ends a backoff wait at once (Ctrl-C); no create is sent after it. */
  signal?: AbortSignal | undefined;
  /** True once the apply should start nothing new (Ctrl-C, lease lost). */
  stopping: () => boolean;
  /** The rows of runs this apply created (POST responses, reconciled runs), by id: for the run-test cache. */
  createdRows: Map<number, TestRun>;
}

/**
 * Creates one run without ever duplicating it. 429s are waited out by the client. A create whose outcome is
 * unknown (timeout, reset, 5xx after sending) is reconciled by looking the run up before any
 * retry; only when no run was found is it created again, after core's backoff (`ctx.retry`), and
 * never once the apply is stopping. A run the server returns that was known before the apply (it
 * reused one) is reported as satisfied, never as created.
 */
export async function createRunSafely(run: DesiredRun, ctx: CreateContext): Promise<CreateResult> {
  const body = run.body;
  const state = newRetryState();
  const interrupted: CreateResult = {
    outcome: "not-started",
    runId: null,
    status: null,
    reason: "interrupted: the create did not complete (reconciliation found no run)",
  };
  for (;;) {
    let created;
    try {
      created = await ctx.client.testRuns.create(ctx.projectId, body);
    } catch (error) {
      // A 429 is never processed: stopping while waiting it out leaves nothing behind.
      if (error instanceof QacRateLimitedError && ctx.stopping())
        return { outcome: "not-started", runId: null, status: null, reason: "not started: the apply was interrupted" };
      if (!isQacError(error, "CORE_CREATE_OUTCOME_UNKNOWN"))
        return { outcome: "failed", runId: null, status: null, reason: `create failed: ${(error as Error).message}` };
      let found;
      try {
        found = await reconcileCreate(ctx.client, ctx.projectId, run, ctx.book, ctx.cache);
      } catch (lookup) {
        return {
          outcome: "unknown",
          runId: null,
          status: null,
          reason:
            `the create may have succeeded, and looking it up failed (${(lookup as Error).message}); run qac ` +
            `apply again to reconcile`,
        };
      }
      if (found) ctx.createdRows.set(found.id, found);
      if (found)
        return {
          outcome: "created",
          runId: found.id,
          status: found.status_code,
          reason: `created (the response was lost; found run ${found.id} by reconciliation)`,
        };
      if (ctx.stopping()) return interrupted;
      // The same policy as every other retry: a failure counts against maxAttempts, jittered backoff.
      const delay = retryDelay({ rateLimited: false }, state, ctx.retry, Date.now());
      if (delay === null)
        return {
          outcome: "failed",
          runId: null,
          status: null,
          reason: `the create failed ${state.failures} times with an unknown outcome and no run was found each time`,
        };
      if (!(await waitUnlessAborted(delay, ctx.retry.sleep, ctx.signal)) || ctx.stopping()) return interrupted;
      continue;
    }
    if (ctx.book.knownBefore(created.id)) {
      ctx.book.take(created.id, run.identity);
      return {
        outcome: "satisfied",
        runId: created.id,
        status: created.status_code,
        reason: `the server returned existing run ${created.id} instead of creating one`,
      };
    }
    if (!ctx.book.take(created.id, run.identity))
      return {
        outcome: "failed",
        runId: created.id,
        status: created.status_code,
        reason:
          `the server returned run ${created.id}, already created for another run of this plan; it ignores ` +
          `ForceNewRunCreation`,
      };
    ctx.createdRows.set(created.id, created);
    return { outcome: "created", runId: created.id, status: created.status_code, reason: "created" };
  }
}
