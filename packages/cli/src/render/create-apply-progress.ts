import { describeHolder, type ApplyEvent } from "@qac/runner";
import { plural } from "./plural.js";
import { progressBar, redraw, type ProgressMode, type ProgressStream } from "./progress-mode.js";
import type { Style } from "./style.js";
import { terminalText } from "./terminal-text.js";

/** Options of {@link createApplyProgress}. */
export interface ApplyProgressOptions {
  mode: ProgressMode;
  style?: Style;
  /** In plain mode, the least time between two count lines (ms). @default 30000 */
  quietMs?: number;
  /** @default Date.now */
  now?: () => number;
}

/**
 * Shows an apply while it creates runs. Live: one bar redrawn in place (`[#####-----] 12/40 ·
 * created 10 · satisfied 2 · create errors 0`), cleared at the end. Plain (CI logs): a count line at
 * most every `quietMs`; the runs themselves are listed once, by the summary that follows.
 */
export function createApplyProgress(stream: ProgressStream, options: ApplyProgressOptions) {
  const style = options.style ?? ((_f, s) => s);
  const now = options.now ?? Date.now;
  const quietMs = options.quietMs ?? 30_000;
  const counts = { created: 0, satisfied: 0, failed: 0, "not-started": 0, unknown: 0 };
  let drawn = false;
  let lastLine = now();
  const tally = () => {
    const errors = counts.failed + counts.unknown;
    const notStarted = counts["not-started"] ? ` · not started ${counts["not-started"]}` : "";
    return (
      `created ${counts.created} · satisfied ${counts.satisfied} · ` +
      `${errors ? style("red", `create errors ${errors}`) : "create errors 0"}${notStarted}`
    );
  };
  return {
    onEvent(event: ApplyEvent): void {
      if (event.type === "notice") {
        stream.write(`${drawn ? "\r\u001b[K" : ""}note: ${terminalText(event.message)}\n`);
        return;
      }
      if (event.type === "lease-wait") {
        const h = event.holder;
        const who = h ? ` (${terminalText(describeHolder(h))})` : "";
        const plan = h?.plan ? ` of ${terminalText(h.plan)}` : "";
        stream.write(
          `${drawn ? "\r\u001b[K" : ""}waiting for another apply${plan} to this project to finish${who}...\n`,
        );
        return;
      }
      if (event.type === "observed") {
        const creates = event.changes.filter((c) => c.decision !== "skip").length;
        stream.write(
          `Run History read with ${plural(event.history.calls.total, "call")}: ${creates} to create, ` +
            `${event.changes.length - creates} already satisfied\n`,
        );
        lastLine = now();
        return;
      }
      counts[event.run.outcome] += 1;
      if (options.mode === "live") {
        drawn = true;
        stream.write(
          redraw(`${progressBar(event.done, event.total)} ${event.done}/${event.total} · ${tally()}`, stream.columns),
        );
      } else if (event.done < event.total && now() - lastLine >= quietMs) {
        stream.write(`${event.done} of ${event.total} runs done so far: ${tally()}\n`);
        lastLine = now();
      }
    },
    /** Clears the live line so the summary starts on a clean line. */
    done(): void {
      if (drawn) stream.write("\r\u001b[K");
      drawn = false;
    },
  };
}
