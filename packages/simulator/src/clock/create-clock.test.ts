import { describe, expect, it } from "vitest";
import { createClock } from "./create-clock.js";

describe("createClock", () => {
  it("keeps virtual time still until advanced, then notifies listeners", async () => {
    const clock = createClock("virtual", Date.UTC(2026, 11, 1, 9));
    const seen: number[] = [];
    clock.onAdvance((t) => seen.push(t));
    expect(clock.now().toISOString()).toBe("2026-12-01T09:00:00.000Z");
    await clock.advance(1500);
    expect(clock.now().toISOString()).toBe("2026-12-01T09:00:01.500Z");
    expect(seen).toEqual([Date.UTC(2026, 11, 1, 9, 0, 1, 500)]);
  });

  it("follows wall time in real mode and can skip ahead", async () => {
    const clock = createClock("real", 0);
    const before = Date.now();
    await clock.advance(60_000);
    expect(clock.nowMs()).toBeGreaterThanOrEqual(before + 60_000);
  });

  it("rejects a negative advance", async () => {
    await expect(createClock("virtual", 0).advance(-1)).rejects.toThrow(/>= 0, got -1/);
  });
});
