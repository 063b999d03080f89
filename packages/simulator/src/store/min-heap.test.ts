import { describe, expect, it } from "vitest";
import { MinHeap } from "./min-heap.js";

describe("MinHeap", () => {
  it("pops events by time, ties in insertion order", () => {
    const heap = new MinHeap<{ at: number; seq: number }>();
    const times = [50, 10, 30, 10, 70, 0, 30];
    times.forEach((at, seq) => heap.push({ at, seq }));
    const out: string[] = [];
    while (heap.size > 0) {
      const e = heap.pop()!;
      out.push(`${e.at}:${e.seq}`);
    }
    expect(out).toEqual(["0:5", "10:1", "10:3", "30:2", "30:6", "50:0", "70:4"]);
  });
});
