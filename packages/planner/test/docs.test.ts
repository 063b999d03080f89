import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { PLAN_ERROR_CODES } from "../src/index.js";

const docs = await readFile(new URL("../../../docs/plan-format.md", import.meta.url), "utf8");

describe("docs/plan-format.md", () => {
  it("lists every diagnostic code with its fix, and no code that does not exist", () => {
    const listed = [...docs.matchAll(/^\| `(PLAN_[A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect([...listed].sort()).toEqual([...PLAN_ERROR_CODES].sort());
  });
});
