import { describe, expect, it } from "vitest";
import { createStyle } from "./style.js";

describe("createStyle", () => {
  it("wraps text in ANSI codes when colour is on, whatever the real process's streams are", () => {
    expect(createStyle(true)("green", "Passed")).toBe("\u001b[32mPassed\u001b[39m");
    expect(createStyle(true)("dim", "why")).toBe("\u001b[2mwhy\u001b[22m");
  });

  it("returns the text unchanged when colour is off", () => {
    expect(createStyle(false)("red", "Failed")).toBe("Failed");
  });
});
