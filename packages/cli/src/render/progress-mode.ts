import type { CliIo } from "../cli-io.js";

/** Where progress goes (stderr): a terminal or a CI log. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  /** Width of the terminal, when known: a live line never wraps. */
  columns?: number;
}

/** `live`: one line redrawn in place on a terminal; `plain`: lines for a log, each written once. */
export type ProgressMode = "live" | "plain";

/**
 * Live progress only on a terminal outside CI: CI runners that allocate a TTY (`CI=true`) still
 * keep everything in a log, where a redrawn line turns into thousands of lines.
 */
export function progressMode(stream: ProgressStream, env: CliIo["env"]): ProgressMode {
  const ci = (env["CI"] ?? "").toLowerCase();
  return stream.isTTY === true && (ci === "" || ci === "0" || ci === "false") ? "live" : "plain";
}

/** `[#####-----]`: `done` of `total` as a bar of `width` characters. */
export function progressBar(done: number, total: number, width = 24): string {
  const full = total === 0 ? width : Math.min(width, Math.round((done / total) * width));
  return `[${"#".repeat(full)}${"-".repeat(width - full)}]`;
}

/** The line cut to the terminal's width (less one column, so the cursor never wraps), `\r` and cleared first. */
export function redraw(line: string, columns: number | undefined): string {
  const max = columns && columns > 20 ? columns - 1 : Infinity;
  // Counting visible characters only: colour codes take no room.
  // eslint-disable-next-line no-control-regex
  const visible = line.replace(/\u001b\[[0-9;]*m/g, "");
  return `\r\u001b[K${visible.length > max ? `${visible.slice(0, max - 1)}…` : line}`;
}
