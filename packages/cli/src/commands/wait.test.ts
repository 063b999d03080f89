import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { EXIT } from "../exit-codes.js";
import { runCli } from "../run-cli.js";
import { cliFixture } from "./test-support/cli-fixture.js";

let f: Awaited<ReturnType<typeof cliFixture>>;
beforeEach(async () => void (f = await cliFixture()));
afterEach(() => f.sim.close());

describe("qac wait", () => {
  it("exits 0 when every run passed and writes JUnit with one testcase per run item", async () => {
    const ids = f.sim.runs.insertMany(1001, [
      { testSetId: 6102, testConfigId: 801, releaseId: 904, hostId: 102, status: "Passed" },
      { testId: 3141, testConfigId: 802, status: "Passed" },
    ]);
    const c = f.io();
    expect(await runCli(["wait", ...ids.map(String), "--project", "1001", "--junit", "results.xml"], c.io)).toBe(
      EXIT.OK,
    );
    expect(c.out()).toContain("Passed: all 2 runs passed");
    const xml = await readFile(join(f.dir, "results.xml"), "utf8");
    expect(xml.match(/<testcase /g)).toHaveLength(f.sim.runs.items(ids[0]!).length + 1);
  });

  it("exits 1 and names the runs that failed or were blocked", async () => {
    const ids = f.sim.runs.insertMany(1001, [
      { testId: 3141, status: "Passed" },
      { testId: 3142, status: "Blocked" },
    ]);
    const c = f.io();
    expect(await runCli(["wait", ...ids.map(String), "--project", "1001"], c.io)).toBe(EXIT.ERROR);
    expect(c.out()).toContain(`Failed: 1 of 2 runs did not pass: ${ids[1]} (Blocked)`);
  });

  it("reads the runs of an apply report", async () => {
    const apply = f.io();
    await runCli(["apply", "plan.yaml", "--json"], apply.io);
    await writeFile(join(f.dir, "report.json"), apply.out());
    await f.sim.clock.advance(24 * 3_600_000);
    const c = f.io();
    // The checkout set has a failing test in the demo tenant.
    expect(await runCli(["wait", "report.json", "--json"], c.io)).toBe(EXIT.ERROR);
    const result = JSON.parse(c.out()) as { outcome: string; runs: unknown[] };
    expect(result.outcome).toBe("failed");
    expect(result.runs).toHaveLength(3);
  });

  it("waits for runs a host runs; names manual ones instead of waiting for them until the deadline", async () => {
    const plan = await readFile(join(f.dir, "plan.yaml"), "utf8");
    const manual = "  - key: a11y\n    testSet: Manual accessibility pass\n    manual: true\n";
    await writeFile(join(f.dir, "plan.yaml"), plan.replace("  - key: checkout", `${manual}  - key: checkout`));
    const apply = f.io();
    expect(await runCli(["apply", "plan.yaml", "--json"], apply.io)).toBe(EXIT.OK);
    const report = JSON.parse(apply.out()) as { runs: { runKey: string; runId: number }[] };
    const manualRun = report.runs.find((r) => r.runKey.startsWith("a11y"))!.runId;
    await writeFile(join(f.dir, "report.json"), apply.out());
    await f.sim.clock.advance(24 * 3_600_000);
    const c = f.io();
    expect(await runCli(["wait", "report.json", "--json", "--timeout", "10s"], c.io)).toBe(EXIT.ERROR);
    expect(c.err()).toContain(`Not waiting for 1 manual run (no test host; people run it): ${manualRun}`);
    const result = JSON.parse(c.out()) as { outcome: string; runs: { id: number }[] };
    expect(result.outcome).toBe("failed"); // the checkout set fails in the demo tenant; no timeout
    expect(result.runs.map((r) => r.id)).not.toContain(manualRun);
    expect(result.runs).toHaveLength(3);
  });

  it("needs --project with run ids and a real report otherwise", async () => {
    const c = f.io();
    expect(await runCli(["wait", "123"], c.io)).toBe(EXIT.ERROR);
    expect(c.err()).toContain("needs --project <id|name>");
    await writeFile(join(f.dir, "junk.json"), "{}");
    const j = f.io();
    expect(await runCli(["wait", "junk.json"], j.io)).toBe(EXIT.ERROR);
    expect(j.err()).toContain("is not a qac apply report");
  });
});
