import { isQacError, type QacClient } from "@qac/core";
import type { RunStatusChange, RunStatusStore } from "../store/status-store.js";
import { nextDelay } from "./next-delay.js";
import { refreshProject } from "./refresh-project.js";

/** Options of {@link createPoller}. */
export interface PollerOptions {
  client: QacClient;
  store: RunStatusStore;
  /** Receives the statuses that changed in a cycle. */
  onChanges?: (changes: RunStatusChange[]) => void;
  /** Receives what every cycle did, failed ones too (the server logs one line per cycle). */
  onCycle?: (cycle: PollCycle) => void;
  /** Pause between cycles when all is well, in ms. @default 5000 */
  intervalMs?: number;
  /** Longest pause after repeated failures, in ms. @default 300000 */
  maxBackoffMs?: number;
  /** Unfinished runs refreshed per cycle, stalest first. @default 20000 */
  batchLimit?: number;
  /** Requests in flight at once. @default 4 */
  concurrency?: number;
  /** Longest URL-encoded `Id in {...}` filter per request. @default 1500 */
  maxFilterLength?: number;
  /** @default () => new Date() */
  now?: () => Date;
}

/** What one cycle did. */
export interface PollCycle {
  runs: number;
  calls: number;
  changes: RunStatusChange[];
  /** The first error of the cycle, already redacted by `@qac/core` (no credentials). */
  error: string | null;
  /** How long the cycle took. */
  durationMs: number;
  /** Pause before the next cycle (grows with failures). */
  nextDelayMs: number;
}

/** The poller's own health, for /healthz and /metrics. */
export interface PollerState {
  running: boolean;
  /** Seconds since the stalest unfinished run was last refreshed (0 when none is unfinished). */
  lagSeconds: number;
  unfinishedRuns: number;
  consecutiveFailures: number;
  lastSuccessAt: string | null;
  lastError: string | null;
  cycles: number;
  calls: number;
  /** Pause before the next cycle (grows with failures). */
  nextDelayMs: number;
  /** Pause between cycles when all is well. */
  intervalMs: number;
}

/** Keeps unfinished runs' status fresh from QAComplete. */
export interface Poller {
  /** One refresh of up to `batchLimit` unfinished runs. */
  pollOnce(): Promise<PollCycle>;
  /** Polls in the background until {@link Poller.stop}. */
  start(): void;
  /** Stops and waits for a cycle in flight. */
  stop(): Promise<void>;
  state(): PollerState;
}

/**
 * Creates the live-status poller: it reads unfinished runs from the store, asks QAComplete for
 * them in batches (`Id in {...}` filters cut by `chunkInFilters`, a few requests in parallel),
 * writes the statuses back and stops asking once a run is finished. After a failed cycle it waits
 * longer each time (exponential, capped; a 429's Retry-After is honoured).
 */
export function createPoller(options: PollerOptions): Poller {
  const { client, store } = options;
  const now = options.now ?? (() => new Date());
  const intervalMs = options.intervalMs ?? 5000;
  const maxBackoffMs = options.maxBackoffMs ?? 300_000;
  let failures = 0;
  let lastSuccessAt: Date | null = null;
  let lastError: string | null = null;
  let cycles = 0;
  let calls = 0;
  let delay = intervalMs;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<PollCycle> | undefined;
  let running = false;

  const cycle = async (): Promise<PollCycle> => {
    const started = performance.now();
    const tracked = store.unfinished(options.batchLimit ?? 20_000);
    const byProject = new Map<number, number[]>();
    for (const run of tracked) {
      const ids = byProject.get(run.projectId);
      if (ids) ids.push(run.runId);
      else byProject.set(run.projectId, [run.runId]);
    }
    let cycleCalls = 0;
    let error: unknown = null;
    const changes: RunStatusChange[] = [];
    for (const [projectId, ids] of byProject) {
      const done = await refreshProject(client, projectId, ids, {
        concurrency: options.concurrency ?? 4,
        maxFilterLength: options.maxFilterLength ?? 1500,
      });
      cycleCalls += done.calls;
      if (done.error !== null) error ??= done.error;
      changes.push(...store.update(done.updates, now()));
    }
    cycles++;
    calls += cycleCalls;
    if (error === null) {
      failures = 0;
      lastSuccessAt = now();
      lastError = null;
    } else {
      failures++;
      lastError = isQacError(error) ? `${error.code}: ${error.message}` : `Poll failed: ${(error as Error).message}`;
    }
    delay = nextDelay(intervalMs, maxBackoffMs, failures, error);
    if (changes.length > 0) options.onChanges?.(changes);
    const done: PollCycle = {
      runs: tracked.length,
      calls: cycleCalls,
      changes,
      error: error === null ? null : lastError,
      durationMs: Math.round(performance.now() - started),
      nextDelayMs: delay,
    };
    options.onCycle?.(done);
    return done;
  };

  const pollOnce = (): Promise<PollCycle> => {
    // One cycle at a time: a manual poll during a background one waits for it.
    const run = (inFlight ?? Promise.resolve()).then(cycle, cycle);
    inFlight = run;
    return run.finally(() => {
      if (inFlight === run) inFlight = undefined;
    });
  };

  const tick = (): void => {
    if (!running) return;
    void pollOnce()
      .catch(() => undefined)
      .then(() => {
        if (running) timer = setTimeout(tick, delay).unref();
      });
  };

  return {
    pollOnce,
    start() {
      if (running) return;
      running = true;
      timer = setTimeout(tick, 0).unref();
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      await inFlight?.catch(() => undefined);
    },
    state() {
      const { unfinished, oldestRefreshMs } = store.lag();
      return {
        running,
        lagSeconds: oldestRefreshMs === null ? 0 : Math.max(0, (now().getTime() - oldestRefreshMs) / 1000),
        unfinishedRuns: unfinished,
        consecutiveFailures: failures,
        lastSuccessAt: lastSuccessAt?.toISOString() ?? null,
        lastError,
        cycles,
        calls,
        nextDelayMs: delay,
        intervalMs,
      };
    },
  };
}
