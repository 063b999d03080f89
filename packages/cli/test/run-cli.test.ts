import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EXIT, runCli, type CliIo } from "../src/index.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));

function capture(overrides: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    env: {},
    cwd: root,
    ...overrides,
  };
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}

const fiveMistakes = `version: 1
project: Web Shop
configurations: { chrome: "Chrome / Windows 11" }
hosts: { win: build-agent-01 }
entries:
  - test: Log in with e-mail and password
    configurations: [chrom]
    host: win
    sequentail: true
  - testSet: Checkout smoke
    test: 3101
    host: win
  - testSet: Search regression
    forceNewRun: "yes"
    host: win
    host: win
`;

describe("qac validate", () => {
  it("passes the example plans with exit 0", async () => {
    const c = capture();
    const code = await runCli(
      ["validate", "examples/plans/smoke.yaml", "examples/plans/nightly.yaml", "examples/plans/regression.yaml"],
      c.io,
    );
    expect(c.stderr()).toBe("");
    expect(code).toBe(EXIT.OK);
    expect(c.stdout()).toContain("3 plans valid");
  });

  it("exits 3 for an invalid plan and prints each problem with file:line:col and a caret", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qac-cli-"));
    await writeFile(join(dir, "plan.yaml"), fiveMistakes);
    const c = capture({ cwd: dir });
    expect(await runCli(["validate", "plan.yaml"], c.io)).toBe(EXIT.INVALID_PLAN);
    expect(c.stdout()).toMatchInlineSnapshot(`
      "plan.yaml:7:22 error PLAN_UNKNOWN_REF configuration "chrom" is not defined under \`configurations:\`; did you mean "chrome"?
         7 |     configurations: [chrom]
           |                      ^^^^^
      plan.yaml:9:5 error PLAN_UNKNOWN_KEY unknown key "sequentail" in entries[0]; did you mean "sequential"? (allowed: key, test, testSet, configurations, releases, host, sequential, forceNewRun, labels, sequenceGroup, manual)
         9 |     sequentail: true
           |     ^^^^^^^^^^
      plan.yaml:10:5 error PLAN_CONFLICT an entry runs either a \`test\` or a \`testSet\`, not both; split it into two entries
        10 |   - testSet: Checkout smoke
           |     ^^^^^^^
      plan.yaml:14:18 error PLAN_SCHEMA entries[2].forceNewRun must be true or false, found "yes"
        14 |     forceNewRun: "yes"
           |                  ^^^^^
      plan.yaml:16:5 error PLAN_DUPLICATE_KEY key "host" appears twice in this mapping; remove or rename one of them (YAML DUPLICATE_KEY)
        16 |     host: win
           |     ^^^^
      ✗ plan.yaml: 5 errors
      "
    `);
  });

  it("colours the problems on a terminal with the CLI's style helper, and not with NO_COLOR", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qac-cli-"));
    await writeFile(join(dir, "plan.yaml"), fiveMistakes);
    const lines: string[] = [];
    const tty = capture({ cwd: dir, stdout: { write: (s: string) => lines.push(s), isTTY: true } });
    expect(await runCli(["validate", "plan.yaml"], tty.io)).toBe(EXIT.INVALID_PLAN);
    const [head, excerpt, caret] = lines.join("").split("\n");
    expect(head).toBe(
      "\u001b[1mplan.yaml:7:22\u001b[22m \u001b[31merror\u001b[39m \u001b[2mPLAN_UNKNOWN_REF\u001b[22m " +
        'configuration "chrom" is not defined under `configurations:`; did you mean "chrome"?',
    );
    expect(excerpt).toBe("\u001b[2m   7 |\u001b[22m     configurations: [chrom]");
    expect(caret).toBe("\u001b[2m     |\u001b[22m \u001b[31m                     ^^^^^\u001b[39m");
    const plain: string[] = [];
    const noColor = capture({ cwd: dir, stdout: { write: (s: string) => plain.push(s), isTTY: true } });
    noColor.io.env = { NO_COLOR: "1" };
    expect(await runCli(["validate", "plan.yaml"], noColor.io)).toBe(EXIT.INVALID_PLAN);
    expect(plain.join("")).not.toContain("\u001b[");
    expect(plain.join("")).toContain("plan.yaml:7:22 error PLAN_UNKNOWN_REF");
  });

  it("gives the same as data with --json", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qac-cli-"));
    await writeFile(join(dir, "plan.yaml"), fiveMistakes);
    const c = capture({ cwd: dir });
    expect(await runCli(["validate", "--json", "plan.yaml"], c.io)).toBe(EXIT.INVALID_PLAN);
    const data = JSON.parse(c.stdout());
    expect(data.ok).toBe(false);
    expect(
      data.plans[0].diagnostics.map(
        (d: { code: string; line: number; column: number }) => `${d.code} ${d.line}:${d.column}`,
      ),
    ).toEqual([
      "PLAN_UNKNOWN_REF 7:22",
      "PLAN_UNKNOWN_KEY 9:5",
      "PLAN_CONFLICT 10:5",
      "PLAN_SCHEMA 14:18",
      "PLAN_DUPLICATE_KEY 16:5",
    ]);
  });

  it("exits 1 for a missing file, without a stack trace", async () => {
    const c = capture();
    expect(await runCli(["validate", "no/such/plan.yaml"], c.io)).toBe(EXIT.ERROR);
    expect(c.stdout()).toContain("PLAN_FILE_NOT_FOUND");
    expect(c.stdout() + c.stderr()).not.toMatch(/\n\s+at /);
  });

  it("applies --only and --exclude and warns about a pattern that matches nothing", async () => {
    const c = capture();
    expect(
      await runCli(
        [
          "validate",
          "--only",
          "label:search,cart-*",
          "--exclude",
          "*/safari/*",
          "--exclude",
          "nothing-here",
          "examples/plans/nightly.yaml",
        ],
        c.io,
      ),
    ).toBe(EXIT.OK);
    expect(c.stdout()).toContain("valid (3 entries, 7 runs, 2 files, 1 warning)");
    expect(c.stdout()).toContain('--exclude "nothing-here" matches no run');
  });

  it("colours output on a terminal unless NO_COLOR is set", async () => {
    const tty = capture({ stdout: { write: () => true, isTTY: true } });
    const lines: string[] = [];
    tty.io.stdout = { write: (s: string) => lines.push(s), isTTY: true };
    await runCli(["validate", "examples/plans/smoke.yaml"], tty.io);
    expect(lines.join("")).toContain("\u001b[32m✓");
    const plain: string[] = [];
    await runCli(["validate", "examples/plans/smoke.yaml"], {
      ...tty.io,
      stdout: { write: (s: string) => plain.push(s), isTTY: true },
      env: { NO_COLOR: "1" },
    });
    expect(plain.join("")).not.toContain("\u001b[");
  });
});

describe("qac", () => {
  it("prints its version", async () => {
    const c = capture();
    expect(await runCli(["--version"], c.io)).toBe(EXIT.OK);
    expect(c.stdout()).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("shows help with examples and exit codes", async () => {
    const c = capture();
    expect(await runCli(["--help"], c.io)).toBe(EXIT.OK);
    expect(c.stdout()).toContain("$ qac validate examples/plans/*.yaml");
    for (const command of ["plan", "apply", "wait", "sim"]) expect(c.stdout()).toContain(`  $ qac ${command} `);
    expect(c.stdout()).toContain(
      "Exit codes: 0 ok (with --wait: every run passed), 1 any other error (or a run did not pass),\n2 runs would " +
        "be created (qac plan --detailed-exitcode), 3 invalid plan.",
    );
  });

  it("rejects an unknown command with exit 1 and a hint", async () => {
    const c = capture();
    expect(await runCli(["bogus"], c.io)).toBe(EXIT.ERROR);
    expect(c.stderr()).toContain("unknown command 'bogus'");
  });
});

describe("qac sim", () => {
  it("starts the simulator on the given port, serves the demo tenant and stops on a signal", async () => {
    let stop!: (signal: string) => void;
    const stopped = new Promise<string>((resolve) => (stop = resolve));
    const c = capture({ waitForStop: () => stopped });
    const running = runCli(["sim", "--port", "0", "--clock", "virtual"], c.io);
    await expect.poll(() => c.stdout(), { timeout: 10_000 }).toContain("Press Ctrl+C to stop.");
    const url = /listening on (http:\/\/\S+)/.exec(c.stdout())![1]!;
    const response = await fetch(`${url}/rest-api/service/api/v1/projects`, {
      headers: { authorization: `Basic ${Buffer.from("demo@qac.example:demo").toString("base64")}` },
    });
    expect(response.status).toBe(200);
    stop("SIGTERM");
    expect(await running).toBe(EXIT.OK);
    expect(c.stdout()).toContain("SIGTERM: shutting down");
  });

  it("rejects a bad port with exit 1", async () => {
    const c = capture();
    expect(await runCli(["sim", "--port", "http"], c.io)).toBe(EXIT.ERROR);
    expect(c.stderr()).toContain("must be a whole number from 0 to 65535");
  });

  it("reports a missing seed file in one line", async () => {
    const c = capture();
    expect(await runCli(["sim", "--seed", "no-such-seed.yaml"], c.io)).toBe(EXIT.ERROR);
    expect(c.stderr()).toMatch(/^qac: .*no-such-seed\.yaml/);
    expect(c.stderr()).not.toMatch(/\n\s+at /);
  });
});

describe("unexpected errors", () => {
  const failingIo = (debug: boolean) => {
    const err: string[] = [];
    const io: CliIo = {
      stdout: {
        write: () => {
          throw new Error("stdout is closed");
        },
      },
      stderr: { write: (s: string) => err.push(s) },
      env: {},
      cwd: root,
    };
    return {
      io,
      argv: [...(debug ? ["--debug"] : []), "validate", "examples/plans/smoke.yaml"],
      stderr: () => err.join(""),
    };
  };

  it("print one line and exit 1, without a stack trace", async () => {
    const c = failingIo(false);
    expect(await runCli(c.argv, c.io)).toBe(EXIT.ERROR);
    expect(c.stderr()).toBe("qac: stdout is closed\n(run with --debug for details)\n");
  });

  it("show the stack trace with --debug", async () => {
    const c = failingIo(true);
    expect(await runCli(c.argv, c.io)).toBe(EXIT.ERROR);
    expect(c.stderr()).toMatch(/^qac: stdout is closed\nError: stdout is closed\n\s+at /);
  });
});
