import type { ApplyEvent } from "../apply/apply-plan.js";
import { runLine } from "./render-apply-summary.js";
import { plural } from "./plural.js";

/** Where progress goes: a terminal gets one redrawn line, anything else plain lines. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * Renders apply progress. On a TTY: one line redrawn in place (`[#####-----] 12/40 created 10 ·
 * satisfied 2 · failed 0`), cleared at the end. Elsewhere (CI logs): one plain line per run as it
 * finishes, so logs stay readable and greppable.
 */
export function createProgress(stream: ProgressStream, options: { color?: boolean; width?: number } = {}) {
  const tty = stream.isTTY === true;
  const counts = { created: 0, satisfied: 0, failed: 0, "not-started": 0, unknown: 0 };
  let drawn = false;
  const bar = (done: number, total: number) => {
    const width = options.width ?? 24;
    const full = total === 0 ? width : Math.round((done / total) * width);
    return `[${"#".repeat(full)}${"-".repeat(width - full)}]`;
  };
  return {
    onEvent(event: ApplyEvent): void {
      if (event.type === "notice") {
        stream.write(`${tty && drawn ? "\r\u001b[K" : ""}note: ${event.message}\n`);
        return;
      }
      if (event.type === "lease-wait") {
        stream.write(
          `waiting for another apply to this project to finish${event.holder ? ` (${event.holder.name}${event.holder.host ? ` on ${event.holder.host}` : ""}${event.holder.pid ? `, pid ${event.holder.pid}` : ""})` : ""}...\n`,
        );
        return;
      }
      if (event.type === "observed") {
        const creates = event.changes.filter((c) => c.decision !== "skip").length;
        stream.write(
          `Run History read with ${plural(event.history.calls.total, "call")}: ${creates} to create, ${event.changes.length - creates} already satisfied\n`,
        );
        return;
      }
      counts[event.run.outcome] += 1;
      if (!tty) {
        stream.write(`${runLine(event.run)}\n`);
        return;
      }
      drawn = true;
      stream.write(
        `\r\u001b[K${bar(event.done, event.total)} ${event.done}/${event.total} created ${counts.created} · satisfied ${counts.satisfied} · failed ${counts.failed + counts.unknown}${counts["not-started"] ? ` · not started ${counts["not-started"]}` : ""}`,
      );
    },
    /** Clears the progress line (TTY) so the summary starts on a clean line. */
    done(): void {
      if (tty && drawn) stream.write("\r\u001b[K");
    },
  };
}
