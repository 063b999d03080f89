import { QacError } from "./errors.js";
import type { QacDateString } from "./wire/envelope.js";

const DATE = /^(\d{4,5})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

// Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear does not.
function utc(year: number, monthIndex: number, day: number, h: number, mi: number, s: number, ms: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(h, mi, s, ms);
  return date;
}

/** Options of {@link parseQacDate}. */
export interface ParseQacDateOptions {
  /**
   * The server's offset from UTC in minutes. QAComplete sends server-local times without a zone
   * (§2.2); the default reads them as UTC, which is right for the simulator and UTC servers.
   * @default 0
   */
  serverOffsetMinutes?: number;
}

/**
 * Parses a QAComplete date (`"2016-09-23T06:42:04.6530000"`) into a Date. The .NET minimum
 * (`0001-01-01...`, also the 5-digit `00001-01-01...` of one sample), empty strings and
 * null/undefined mean "no date" and give null. Anything else unreadable is CORE_INVALID_RESPONSE.
 * @example parseQacDate(run.date_finished) // Date | null
 */
export function parseQacDate(value: QacDateString | null | undefined, options: ParseQacDateOptions = {}): Date | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  const match = DATE.exec(value.trim());
  if (match === null)
    throw new QacError(
      "CORE_INVALID_RESPONSE",
      `Unreadable QAComplete date ${JSON.stringify(value.slice(0, 40))}; expected yyyy-MM-ddTHH:mm:ss.fffffff.`,
    );
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", zone] = match;
  const year = Number(y);
  if (year <= 1) return null;
  const [month, day, hour, minute, second] = [Number(mo), Number(d), Number(h), Number(mi), Number(s)];
  const daysInMonth = utc(year, month, 0, 0, 0, 0, 0).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
    throw new QacError("CORE_INVALID_RESPONSE", `Impossible QAComplete date ${JSON.stringify(value)}.`);
  }
  // Only milliseconds fit in a Date; the 7-digit fraction is truncated, not rounded.
  const ms = Number(frac.slice(0, 3).padEnd(3, "0"));
  let time = utc(year, month - 1, day, hour, minute, second, ms).getTime();
  if (zone === undefined) time -= (options.serverOffsetMinutes ?? 0) * 60_000;
  else if (zone !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  const date = new Date(time);
  return date;
}
