import { describe, expect, it } from "vitest";
import { formatDate, formatRunTime, MIN_DATE } from "./format-date.js";

describe("formatDate", () => {
  it("writes seven fractional digits and no zone", () => {
    expect(formatDate(Date.UTC(2016, 8, 23, 6, 42, 4, 653))).toBe("2016-09-23T06:42:04.6530000");
  });
  it("writes the .NET minimum date for a missing date", () => {
    expect(formatDate(null)).toBe(MIN_DATE);
    expect(MIN_DATE).toBe("0001-01-01T00:00:00.0000000");
  });
});

describe("formatRunTime", () => {
  it("formats seconds as hh:mm:ss", () => {
    expect(formatRunTime(0)).toBe("00:00:00");
    expect(formatRunTime(3725)).toBe("01:02:05");
  });
});
