/** The "no date" value QAComplete sends (reference §2.2): the .NET minimum date. */
export const MIN_DATE = "0001-01-01T00:00:00.0000000";

/**
 * Formats a date as QAComplete does: `yyyy-MM-ddTHH:mm:ss.fffffff`, no zone. The real server uses
 * its own time zone; the simulator uses UTC (reference §2.2, §11.15).
 */
export function formatDate(date: Date | number | null | undefined): string {
  if (date === null || date === undefined) return MIN_DATE;
  const ms = typeof date === "number" ? date : date.getTime();
  // Bulk inserts format the same instant many times in a row: keep the last answer.
  if (ms === last.ms) return last.text;
  const iso = new Date(ms).toISOString(); // 2026-12-01T09:00:00.000Z
  last = { ms, text: `${iso.slice(0, 23)}0000` };
  return last.text;
}

let last = { ms: NaN, text: MIN_DATE };

/** Formats whole seconds as `hh:mm:ss` (the wire's `run_time_formated`, reference §2.1). */
export function formatRunTime(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}
