import { readFile } from "node:fs/promises";
import { planSchema } from "@qac/schemas";
import { describe, expect, it } from "vitest";
import { PLAN_ERROR_CODES } from "../src/index.js";

const docs = await readFile(new URL("../../../docs/plan-format.md", import.meta.url), "utf8");

describe("docs/plan-format.md", () => {
  it("lists every diagnostic code with its fix, and no code that does not exist", () => {
    const listed = [...docs.matchAll(/^\| `(PLAN_[A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect([...listed].sort()).toEqual([...PLAN_ERROR_CODES].sort());
  });

  it("says what a sequence group does as the runner does it: creates runs in order, never waits for one to finish", async () => {
    const section = /## Sequences\n([\s\S]*?)\n## /.exec(docs)?.[1] ?? "";
    const entry = (
      planSchema as unknown as { $defs: { Entry: { properties: { sequenceGroup: { description: string } } } } }
    ).$defs.Entry.properties.sequenceGroup.description;
    const example = await readFile(new URL("../../../examples/plans/regression.yaml", import.meta.url), "utf8");
    for (const text of [section, entry, example].map((t) => t.replace(/[\s#*]+/g, " "))) {
      expect(text).toMatch(/does not wait for (a run|"checkout") to finish/);
      expect(text).not.toMatch(/after (the previous one|"checkout") finished/);
    }
  });
});
