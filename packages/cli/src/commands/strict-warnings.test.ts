import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../exit-codes.js";
import { runCli } from "../run-cli.js";
import { cliFixture } from "./test-support/cli-fixture.js";

let f: Awaited<ReturnType<typeof cliFixture>>;
beforeAll(async () => {
  f = await cliFixture();
  await writeFile(
    join(f.dir, "never-starts.yaml"),
    `version: 1
project: Web Shop
hosts: { windows: build-agent-01 }
releases: { spring: Spring campaign }
entries:
  - { test: Export invoices (no automation yet), host: windows }
  - { test: Guest checkout with credit card, host: windows, releases: spring }
`,
  );
});
afterAll(() => f.sim.close());

describe("warnings that a run would never start, or count for a closed release", () => {
  it("are shown by qac plan, which still succeeds", async () => {
    const c = f.io();
    expect(await runCli(["plan", "never-starts.yaml"], c.io)).toBe(EXIT.OK);
    expect(c.err()).toContain("warning PLAN_RELEASE_CLOSED");
    expect(c.err()).toContain("warning PLAN_NO_AUTOMATION");
    expect(c.out()).toContain("2 to create");
  });

  it("become errors with --strict-warnings: exit 3 and nothing applied", async () => {
    const before = f.sim.runs.count();
    const plan = f.io();
    expect(await runCli(["plan", "never-starts.yaml", "--strict-warnings"], plan.io)).toBe(EXIT.INVALID_PLAN);
    expect(plan.err()).toContain("error PLAN_NO_AUTOMATION");
    const apply = f.io();
    expect(await runCli(["apply", "never-starts.yaml", "--strict-warnings"], apply.io)).toBe(EXIT.INVALID_PLAN);
    expect(f.sim.runs.count()).toBe(before);
  });
});
