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
    join(f.dir, "broken.yaml"),
    "version: 1\nproject: Web Shop\nentries:\n  - key: smoke\n    testSet: Checkout smoke\n    configurations: " +
      "[chrom]\n",
  );
});
afterAll(() => f.sim.close());

describe("qac plan --format markdown (the pull-request comment)", () => {
  it("an invalid plan: a comment with the marker and each diagnostic with file:line, and exit 3", async () => {
    const run = f.io();
    expect(await runCli(["plan", "broken.yaml", "--format", "markdown"], run.io)).toBe(EXIT.INVALID_PLAN);
    const lines = run.out().split("\n");
    expect(lines[0]).toBe("<!-- qac-preview: broken -->");
    expect(lines[1]).toBe("### qac plan `broken`: ❌ invalid plan, 1 error");
    expect(run.out()).toMatch(/^broken\.yaml:6:22 error PLAN_UNKNOWN_REF /m);
    expect(run.err()).toContain("broken.yaml:6:22"); // the job log shows them too
  });

  it("in text format an invalid plan writes nothing to stdout", async () => {
    const run = f.io();
    expect(await runCli(["plan", "broken.yaml"], run.io)).toBe(EXIT.INVALID_PLAN);
    expect(run.out()).toBe("");
  });

  it("links the status server from QAC_STATUS_URL or --status-url", async () => {
    const fromEnv = f.io({ env: { QAC_STATUS_URL: "http://127.0.0.1:8790" } });
    expect(await runCli(["plan", "plan.yaml", "--format", "markdown"], fromEnv.io)).toBe(EXIT.OK);
    expect(fromEnv.out()).toContain("[status server](http://127.0.0.1:8790/)");
    const fromFlag = f.io();
    await runCli(
      ["plan", "broken.yaml", "--format", "markdown", "--status-url", "https://status.example"],
      fromFlag.io,
    );
    expect(fromFlag.out()).toContain("[status server](https://status.example/)");
    const none = f.io();
    await runCli(["plan", "plan.yaml", "--format", "markdown"], none.io);
    expect(none.out()).not.toContain("status server");
  });
});
