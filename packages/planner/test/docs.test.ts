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

  it("says sequence groups create runs in order and never wait for one to finish, as the runner does", async () => {
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
