import { describe, expect, it } from "vitest";
import { nextDelay } from "./next-delay.js";

describe("nextDelay", () => {
  it("waits the interval while polls succeed and doubles it per failure up to the maximum", () => {
    expect(nextDelay(5000, 300_000, 0, null)).toBe(5000);
    expect(nextDelay(5000, 300_000, 1, new Error("x"))).toBe(10_000);
    expect(nextDelay(5000, 300_000, 3, new Error("x"))).toBe(40_000);
    expect(nextDelay(5000, 300_000, 20, new Error("x"))).toBe(300_000);
  });

  it("backs off from at least a second even when the interval is shorter or zero", () => {
    expect(nextDelay(0, 300_000, 1, new Error("x"))).toBe(2000);
    expect(nextDelay(20, 300_000, 2, new Error("x"))).toBe(4000);
  });
});
