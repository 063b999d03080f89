import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../exit-codes.js";
import { runCli } from "../run-cli.js";
import { cliFixture } from "./test-support/cli-fixture.js";

let f: Awaited<ReturnType<typeof cliFixture>>;
beforeAll(async () => {
  f = await cliFixture();
  // A plan shared by two projects: it names no project, the command line does (docs/errors.md, PLAN_NO_PROJECT).
  await writeFile(
    join(f.dir, "no-project.yaml"),
    "version: 1\nentries:\n  - test: First launch shows the welcome tour\n    manual: true\n",
  );
});
afterAll(() => f.sim.close());

describe("--project for a plan without `project:`", () => {
  it("lets qac plan run such a plan against the project given", async () => {
    const c = f.io();
    expect(await runCli(["plan", "no-project.yaml", "--project", "Mobile App"], c.io)).toBe(EXIT.OK);
    expect(c.out()).toContain("project Mobile App (1002)");
    expect(c.out()).toContain("1 to create");
  });

  it("lets qac validate check it, and without --project names the flag as the fix", async () => {
    const bare = f.io();
    expect(await runCli(["validate", "no-project.yaml"], bare.io)).toBe(EXIT.INVALID_PLAN);
    expect(bare.out()).toContain("PLAN_NO_PROJECT");
    const given = f.io();
    expect(await runCli(["validate", "no-project.yaml", "--project", "1002"], given.io)).toBe(EXIT.OK);
    expect(given.out()).toContain("valid (1 entry, 1 run)");
  });
});
