import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { EXIT } from "../exit-codes.js";
import { runCli } from "../run-cli.js";
import { cliFixture } from "./test-support/cli-fixture.js";

let f: Awaited<ReturnType<typeof cliFixture>>;
beforeEach(async () => void (f = await cliFixture()));
afterEach(() => f.sim.close());

describe("qac apply", () => {
  it("creates the runs, prints a summary with run ids, and a second apply creates nothing", async () => {
    const first = f.io();
    expect(await runCli(["apply", "plan.yaml"], first.io)).toBe(EXIT.OK);
    expect(first.out()).toMatchInlineSnapshot(`
      "Applied plan to Web Shop (1001): 3 created, 0 satisfied, 0 create errors, 0 not started
        created      run 130002  test Search by product name · Chrome / Windows 11 · 2026.12 / RC1 / Build 42 · build-agent-01
        created      run 130003  test Search by product name · Firefox / Ubuntu 24.04 · 2026.12 / RC1 / Build 42 · build-agent-01
        created      run 130004  set Checkout smoke · Chrome / Windows 11 · 2026.12 / RC1 / Build 42 · build-agent-01
      "
    `);
    // Not a terminal: stderr says what was read; each run appears once, in the summary on stdout.
    expect(first.err()).toMatchInlineSnapshot(`
      "Run History read with 2 calls: 3 to create, 0 already satisfied
      "
    `);
    const second = f.io();
    expect(await runCli(["apply", "plan.yaml"], second.io)).toBe(EXIT.OK);
    expect(second.out()).toContain("0 created, 3 satisfied");
  });

  it("prints the full report with --json", async () => {
    const c = f.io({
      env: {
        GITHUB_ACTIONS: "true",
        GITHUB_SHA: "abc123",
        GITHUB_JOB: "e2e",
        GITHUB_RUN_ID: "77",
        GITHUB_SERVER_URL: "https://github.com",
        GITHUB_REPOSITORY: "o/r",
        GITHUB_ACTOR: "dana",
      },
    });
    expect(await runCli(["apply", "plan.yaml", "--json", "--once-per", "abc123"], c.io)).toBe(EXIT.OK);
    const report = JSON.parse(c.out()) as Record<string, unknown>;
    expect(report).toMatchObject({
      version: 1,
      applyIdentity: "abc123",
      status: "succeeded",
      user: "demo@qac.example",
      ci: { provider: "github", commit: "abc123", url: "https://github.com/o/r/actions/runs/77" },
      summary: { created: 3 },
    });
    const state = JSON.parse(await readFile(join(f.dir, ".qac/state.json"), "utf8")) as {
      oncePer: Record<string, Record<string, Record<string, number>>>;
    };
    expect(Object.keys(state.oncePer["1001"]!["abc123"]!)).toHaveLength(3);
  });

  it("stops cleanly on Ctrl-C and says what was created", async () => {
    // Ctrl-C arrives once the first create reached the server.
    const stop = () =>
      new Promise<string>((resolve) => {
        const timer = setInterval(
          () =>
            f.sim.counters.get("POST /api/v2/projects/:projectId/testruns") > 0 &&
            (clearInterval(timer), resolve("SIGINT")),
          1,
        );
      });
    const c = f.io({ waitForStop: stop });
    expect(await runCli(["apply", "plan.yaml", "--concurrency", "1"], c.io)).toBe(EXIT.ERROR);
    expect(c.err()).toContain("SIGINT: no new runs will be started");
    expect(c.out()).toMatch(/^Interrupted plan/);
    expect(c.out()).toContain("Run qac apply again to create the rest");
    expect(c.out()).toMatch(/Created before stopping: run \d+/);
    expect(c.out()).toMatch(/not started/);
  });

  it("on Ctrl-C while waiting (--wait), ends the wait at once and says the runs go on", async () => {
    // Ctrl-C arrives once the wait has polled the runs (the virtual clock keeps them unfinished).
    let err = () => "";
    const stop = () =>
      new Promise<string>((resolve) => {
        const timer = setInterval(
          () => err().includes("0 of 3 finished") && (clearInterval(timer), resolve("SIGINT")),
          1,
        );
      });
    const c = f.io({ waitForStop: stop });
    err = c.err;
    expect(await runCli(["apply", "plan.yaml", "--wait", "--timeout", "1h"], c.io)).toBe(EXIT.ERROR);
    expect(c.err()).toContain("SIGINT: stopping the wait; the runs go on in QAComplete.");
    expect(c.err()).not.toContain("no new runs will be started");
    expect(c.out()).toContain("Interrupted: interrupted while 3 runs were unfinished");
  });

  it("--wait --json prints one document: the report with the wait's result inside, as qac wait reads it", async () => {
    const c = f.io();
    expect(await runCli(["apply", "plan.yaml", "--wait", "--timeout", "1s", "--json"], c.io)).toBe(EXIT.ERROR);
    const report = JSON.parse(c.out()) as { summary: { created: number }; wait: { outcome: string; runs: unknown[] } };
    expect(report.summary.created).toBe(3);
    expect(report.wait).toMatchObject({ outcome: "timeout", missing: [] });
    expect(report.wait.runs).toHaveLength(3);
    await writeFile(join(f.dir, "report.json"), c.out());
    const wait = f.io();
    expect(await runCli(["wait", "report.json", "--timeout", "1s", "--json"], wait.io)).toBe(EXIT.ERROR);
    expect(JSON.parse(wait.out())).toMatchObject({ outcome: "timeout", runs: report.wait.runs });
  });

  it("waits with --wait and reports the deadline passing (exit 1, says which runs)", async () => {
    const c = f.io();
    expect(await runCli(["apply", "plan.yaml", "--wait", "--timeout", "1s"], c.io)).toBe(EXIT.ERROR);
    expect(c.out()).toContain("Timed out: the deadline passed with 3 of 3 runs unfinished");
  });

  it("rejects a bad --concurrency and --timeout with a clear message", async () => {
    const c = f.io();
    expect(await runCli(["apply", "plan.yaml", "--concurrency", "0"], c.io)).toBe(EXIT.ERROR);
    expect(c.err()).toContain("must be a whole number from 1 to 1000");
    const t = f.io();
    expect(await runCli(["apply", "plan.yaml", "--wait", "--timeout", "soon"], t.io)).toBe(EXIT.ERROR);
    expect(t.err()).toContain("expected a duration such as 30m");
  });
});
