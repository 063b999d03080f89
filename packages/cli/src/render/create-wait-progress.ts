import { runStatusBucket, type RunStatusBucket, type TestRun } from "@qac/core";
import { formatClock, formatDuration } from "../options/durations.js";
import { plural } from "./plural.js";
import { progressBar, redraw, type ProgressMode, type ProgressStream } from "./progress-mode.js";
import type { Style, StyleFormat } from "./style.js";
import { terminalText } from "./terminal-text.js";

/** Options of {@link createWaitProgress}. */
export interface WaitProgressOptions {
  mode: ProgressMode;
  /** Runs waited for. */
  total: number;
  timeoutMs: number;
  /** What a run is: `set Checkout smoke · Chrome / Windows 11 · ...`. */
  describe: (run: TestRun) => string;
  style?: Style;
  /** @default Date.now */
  now?: () => number;
  /** Plain mode: the longest silence while nothing changes (ms). @default 30000 */
  quietMs?: number;
  /** Live mode: how often the bar's clock is redrawn between polls (ms). @default 1000 */
  tickMs?: number;
}

const FORMAT: Record<RunStatusBucket, StyleFormat> = {
  passed: "green",
  failed: "red",
  blocked: "red",
  other: "red",
  inProgress: "yellow",
  awaiting: "dim",
};
const failing = (run: TestRun) => ["failed", "blocked", "other"].includes(runStatusBucket(run.status_code));

/**
 * Shows a wait while polls return. Live (a terminal): one bar redrawn in place with passed, failed,
 * blocked, in progress and awaiting counts, elapsed time and time left, and the first failure
 * printed above it as soon as it is seen. Plain (CI logs): a line per change of a run's status and,
 * while nothing changes, a count line at most every `quietMs`, so a long wait is neither silent
 * nor spammy.
 */
export function createWaitProgress(stream: ProgressStream, o: WaitProgressOptions) {
  const now = o.now ?? Date.now;
  const style = o.style ?? ((_f, s) => s);
  const started = now();
  const statuses = new Map<number, string>();
  // Plain mode: the status each run was last logged with, so the result need not repeat it.
  const logged = new Map<number, string>();
  let latest: readonly TestRun[] = [];
  let polls = 0;
  let lastLine = started;
  let failureShown = false;
  let drawn = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  const status = (run: TestRun) => style(FORMAT[runStatusBucket(run.status_code)], terminalText(run.status_code));
  const tally = () => {
    const n: Record<RunStatusBucket, number> = {
      passed: 0,
      failed: 0,
      blocked: 0,
      other: 0,
      inProgress: 0,
      awaiting: 0,
    };
    for (const r of latest) n[runStatusBucket(r.status_code)] += 1;
    const bad = (count: number, word: string) => (count ? style("red", `${count} ${word}`) : `0 ${word}`);
    const parts = [style("green", `${n.passed} passed`), bad(n.failed, "failed"), bad(n.blocked, "blocked")];
    // Incomplete is the documented one; a status QAComplete does not document is "other".
    const others = latest.filter((r) => runStatusBucket(r.status_code) === "other");
    const word = others.every((r) => r.status_code.toLowerCase() === "incomplete") ? "incomplete" : "other";
    if (n.other) parts.push(style("red", `${n.other} ${word}`));
    parts.push(`${n.inProgress} in progress`, `${n.awaiting} awaiting`);
    return { finished: n.passed + n.failed + n.blocked + n.other, text: parts.join(" · ") };
  };
  // Whole seconds: a clock, not a stopwatch.
  const seconds = (ms: number) => formatDuration(1000 * Math.max(0, Math.round(ms / 1000)));
  const left = () => `${seconds(started + o.timeoutMs - now())} left`;
  const line = (text: string) => {
    stream.write(`${drawn ? "\r\u001b[K" : ""}${text}\n`);
    drawn = false;
    lastLine = now();
  };
  const stamp = (text: string) => line(`[${formatClock(now() - started)}] ${text}`);
  const summary = () => {
    const t = tally();
    stamp(`${t.finished} of ${o.total} finished: ${t.text} · ${left()}`);
  };
  const draw = () => {
    if (o.mode !== "live" || polls === 0) return;
    const t = tally();
    const elapsed = `${seconds(now() - started)} elapsed`;
    stream.write(
      redraw(
        `${progressBar(t.finished, o.total)} ${t.finished}/${o.total} · ${t.text} · ${elapsed} · ${left()}`,
        stream.columns,
      ),
    );
    drawn = true;
  };
  return {
    /** Says what is waited for; on a terminal, starts the bar's clock. */
    start(): void {
      stream.write(`Waiting for ${plural(o.total, "run")} (timeout ${formatDuration(o.timeoutMs)})...\n`);
      if (o.mode === "live") (timer = setInterval(draw, o.tickMs ?? 1000)).unref();
    },
    /** Takes the latest state of every run after a poll. */
    onPoll(runs: readonly TestRun[]): void {
      const first = polls === 0;
      polls += 1;
      latest = runs;
      const changed = runs.filter((r) => statuses.get(r.id) !== r.status_code);
      for (const r of runs) statuses.set(r.id, r.status_code);
      const failure = failureShown ? undefined : changed.find(failing);
      if (failure) failureShown = true;
      const what = (r: TestRun) => `run ${r.id} ${status(r)} · ${o.describe(r)}`;
      if (o.mode === "live") {
        if (failure) line(`First failure: ${what(failure)}`);
        return draw();
      }
      if (first) {
        summary();
        if (failure) stamp(`first failure: ${what(failure)}`);
      } else
        for (const r of changed) {
          stamp(`${what(r)}${r === failure ? "  (first failure)" : ""}`);
          logged.set(r.id, r.status_code);
        }
      if (!first && changed.length === 0 && now() - lastLine >= (o.quietMs ?? 30_000)) summary();
    },
    /** True when a plain log already has a line with this run in this status (the result need not repeat it). */
    logged(run: TestRun): boolean {
      return logged.get(run.id) === run.status_code;
    },
    /** Stops the clock and clears the bar, so the result starts on a clean line. */
    done(): void {
      clearInterval(timer);
      if (drawn) stream.write("\r\u001b[K");
      drawn = false;
    },
  };
}
