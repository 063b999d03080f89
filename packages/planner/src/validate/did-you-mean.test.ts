import { describe, expect, it } from "vitest";
import { closest, didYouMean, levenshtein } from "./did-you-mean.js";

describe("did you mean", () => {
  it("measures edit distance case-insensitively", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("Chrome", "chrome")).toBe(0);
    expect(levenshtein("", "abc")).toBe(3);
  });

  it("suggests near names first and nothing for unrelated ones", () => {
    expect(closest("chrom", ["firefox", "chrome", "chromium"])).toEqual(["chrome", "chromium"]);
    expect(closest("Build 24", ["Build 42", "Build 41", "2026.11"])).toEqual(["Build 41", "Build 42"]);
    expect(didYouMean("zzz", ["chrome", "firefox"])).toBe("");
    expect(didYouMean("sequentail", ["sequential", "sequenceGroup"])).toBe('; did you mean "sequential"?');
  });
});
