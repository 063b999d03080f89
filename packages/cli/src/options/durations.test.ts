import { describe, expect, it } from "vitest";
import { formatClock, formatDuration, parseDuration } from "./durations.js";

describe("durations", () => {
  it("reads what users write and shows it back the same way", () => {
    for (const written of ["30m", "10m", "90s", "1h", "1h30m", "2m05s", "1500ms", "45s"])
      expect(formatDuration(parseDuration(written)), written).toBe(written === "90s" ? "1m30s" : written);
    expect(parseDuration("120")).toBe(120_000);
  });

  it("says what it expected for anything else", () => {
    expect(() => parseDuration("soon")).toThrow('expected a duration such as 30m, 90s or 1h, got "soon".');
  });

  it("shows elapsed time as a clock", () => {
    expect([0, 42_000, 725_000, 3_725_000].map(formatClock)).toEqual(["0:00", "0:42", "12:05", "1:02:05"]);
  });
});
