import { describe, expect, it } from "vitest";
import { parseQacDate } from "./dates.js";

describe("parseQacDate", () => {
  it("reads the API's 7-digit fraction without a zone as UTC by default", () => {
    expect(parseQacDate("2016-09-23T06:42:04.6530000")?.toISOString()).toBe("2016-09-23T06:42:04.653Z");
  });

  it("maps the .NET minimum date, its 5-digit-year variant and empty values to null", () => {
    expect(parseQacDate("0001-01-01T00:00:00.0000000")).toBeNull();
    expect(parseQacDate("00001-01-01T00:00:00.0000000")).toBeNull();
    expect(parseQacDate("0001-01-01T00:00:00")).toBeNull();
    expect(parseQacDate("")).toBeNull();
    expect(parseQacDate(undefined)).toBeNull();
    expect(parseQacDate(null)).toBeNull();
  });

  it("applies the server's offset to zone-less dates", () => {
    expect(parseQacDate("2024-03-01T10:00:00", { serverOffsetMinutes: 120 })?.toISOString()).toBe(
      "2024-03-01T08:00:00.000Z",
    );
  });

  it("honours an explicit zone", () => {
    expect(parseQacDate("2024-03-01T10:00:00+02:00")?.toISOString()).toBe("2024-03-01T08:00:00.000Z");
    expect(parseQacDate("2024-03-01T10:00:00Z")?.toISOString()).toBe("2024-03-01T10:00:00.000Z");
  });

  it("keeps years below 100 literal", () => {
    expect(parseQacDate("0050-06-01T00:00:00")?.getUTCFullYear()).toBe(50);
  });

  it("rejects unreadable and impossible dates with CORE_INVALID_RESPONSE", () => {
    expect(() => parseQacDate("yesterday")).toThrow(expect.objectContaining({ code: "CORE_INVALID_RESPONSE" }));
    expect(() => parseQacDate("2023-02-29T00:00:00")).toThrow(/Impossible/);
    expect(() => parseQacDate("2024-01-01T24:00:00")).toThrow(/Impossible/);
  });
});
