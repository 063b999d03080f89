import { InvalidArgumentError } from "commander";

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/**
 * Parses `30m`, `90s`, `1h`, `1500ms`, `1h30m`, `2m05s` or plain seconds into ms (a commander
 * argument parser): whatever {@link formatDuration} shows can be written back.
 */
export function parseDuration(raw: string): number {
  const text = raw.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== text)
    throw new InvalidArgumentError(`expected a duration such as 30m, 90s or 1h, got ${JSON.stringify(raw)}.`);
  return Math.round(parts.reduce((ms, p) => ms + Number(p[1]) * UNIT_MS[p[2] as keyof typeof UNIT_MS], 0));
}

/**
 * A duration as users write it: `30m`, `10m`, `90s` → `1m30s`, `1h05m`, `1500ms`. Under an hour
 * it keeps seconds, from an hour on it rounds to minutes.
 * @example formatDuration(1_800_000) // "30m"
 */
export function formatDuration(ms: number): string {
  if (ms < 60_000 && ms % 1000 !== 0) return `${Math.round(ms)}ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600)
    return `${Math.floor(seconds / 60)}m${seconds % 60 ? `${String(seconds % 60).padStart(2, "0")}s` : ""}`;
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)}h${minutes % 60 ? String(minutes % 60).padStart(2, "0") + "m" : ""}`;
}

/** Elapsed time as a clock for log lines: `0:42`, `12:05`, `1:02:05`. */
export function formatClock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const mm = String(Math.floor((s % 3600) / 60));
  const ss = String(s % 60).padStart(2, "0");
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm.padStart(2, "0")}:${ss}` : `${mm}:${ss}`;
}
