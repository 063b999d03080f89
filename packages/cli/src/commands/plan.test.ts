import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { EXIT } from "../exit-codes.js";
import { runCli } from "../run-cli.js";
import { cliFixture } from "./test-support/cli-fixture.js";

// Each test has its own simulator and folder: tests apply plans and move the clock, and none may
// depend on what another did (any one runs alone with it.only).
let f: Awaited<ReturnType<typeof cliFixture>>;
beforeEach(async () => void (f = await cliFixture()));
afterEach(() => f.sim.close());

describe("qac plan", () => {
  it("previews runs to create with a summary line and one line per run, creating nothing", async () => {
    const c = f.io();
    const before = f.sim.runs.count();
    expect(await runCli(["plan", "plan.yaml"], c.io)).toBe(EXIT.OK);
    expect(c.out()).toContain("3 to create, 0 already satisfied");
    expect(
      c
        .out()
        .split("\n")
        .filter((l) => l.startsWith("  + create")),
    ).toHaveLength(3);
    expect(f.sim.runs.count()).toBe(before);
  });

  it("takes --only and --exclude before or after the plan file, repeated or comma-separated", async () => {
    const before = f.io();
    expect(await runCli(["plan", "--only", "search", "plan.yaml"], before.io)).toBe(EXIT.OK);
    expect(before.out()).toContain("2 to create");
    const after = f.io();
    expect(await runCli(["plan", "plan.yaml", "--only", "search,checkout", "--exclude", "*/firefox/*"], after.io)).toBe(
      EXIT.OK,
    );
    expect(after.out()).toContain("2 to create");
    expect(after.out()).not.toContain("Firefox");
  });

  it("exits 2 with --detailed-exitcode while runs would be created, 0 once they are pending", async () => {
    expect(await runCli(["plan", "plan.yaml", "--detailed-exitcode"], f.io().io)).toBe(EXIT.CHANGES_PENDING);
    expect(await runCli(["apply", "plan.yaml"], f.io().io)).toBe(EXIT.OK);
    const c = f.io();
    expect(await runCli(["plan", "plan.yaml", "--detailed-exitcode"], c.io)).toBe(EXIT.OK);
    expect(c.out()).toContain("0 to create, 3 already satisfied");
  });

  it("colours the preview on a terminal, and not with NO_COLOR", async () => {
    const out: string[] = [];
    const tty = f.io({ stdout: { write: (s: string) => out.push(s), isTTY: true } });
    await runCli(["plan", "plan.yaml"], tty.io);
    expect(out.join("")).toContain("\u001b[");
    const plain: string[] = [];
    const noColor = f.io({ stdout: { write: (s: string) => plain.push(s), isTTY: true }, env: { NO_COLOR: "1" } });
    await runCli(["plan", "plan.yaml"], noColor.io);
    expect(plain.join("")).not.toContain("\u001b[");
    expect(plain.join("")).toContain("to create");
  });

  it("prints markdown with the marker line and JSON with the preview version", async () => {
    const md = f.io();
    await runCli(["plan", "plan.yaml", "--format", "markdown"], md.io);
    expect(md.out().split("\n")[0]).toBe("<!-- qac-preview: plan -->");
    const json = f.io();
    await runCli(["plan", "plan.yaml", "--format", "json"], json.io);
    expect(JSON.parse(json.out())).toMatchObject({ version: 1, kind: "qac-preview", summary: { total: 3 } });
  });

  it("exits 3 for an invalid plan and 1 without credentials, naming what is missing and never a password", async () => {
    const bad = f.io();
    expect(await runCli(["plan", "missing-entries.yaml"], bad.io)).toBe(EXIT.ERROR);
    const { writeFile } = await import("node:fs/promises");
    await writeFile(
      join(f.dir, "invalid.yaml"),
      "version: 1\nproject: Web Shop\nentries:\n  - test: No such test at all\n    host: nowhere\n",
    );
    expect(await runCli(["plan", "invalid.yaml"], f.io().io)).toBe(EXIT.INVALID_PLAN);
    const c = f.io({ env: { QAC_URL: "", QAC_USER: "", QAC_PASSWORD: "" } });
    expect(await runCli(["plan", "plan.yaml"], c.io)).toBe(EXIT.ERROR);
    expect(c.err()).toMatchInlineSnapshot(`
      "qac: cannot connect to QAComplete: missing the server (QAC_URL or --url), the login (QAC_USER or --user), the password (QAC_PASSWORD or --password-stdin).
      "
    `);
  });

  it("colours the problems of an invalid plan on a terminal's stderr, and not with NO_COLOR", async () => {
    const { writeFile } = await import("node:fs/promises");
    await writeFile(
      join(f.dir, "invalid.yaml"),
      "version: 1\nproject: Web Shop\nentries:\n  - test: No such test at all\n    host: nowhere\n",
    );
    const err: string[] = [];
    const tty = f.io({ stderr: { write: (s: string) => err.push(s), isTTY: true } });
    expect(await runCli(["plan", "invalid.yaml"], tty.io)).toBe(EXIT.INVALID_PLAN);
    expect(err.join("")).toContain("\u001b[1minvalid.yaml:");
    expect(err.join("")).toContain("\u001b[31merror\u001b[39m \u001b[2mPLAN_");
    const plain: string[] = [];
    const noColor = f.io({ stderr: { write: (s: string) => plain.push(s), isTTY: true }, env: { NO_COLOR: "1" } });
    expect(await runCli(["plan", "invalid.yaml"], noColor.io)).toBe(EXIT.INVALID_PLAN);
    expect(plain.join("")).toMatch(/^invalid\.yaml:\d+:\d+ error PLAN_/);
    expect(plain.join("")).not.toContain("\u001b[");
  });

  it("exits 1, not 3, for a missing plan file (as qac validate does), and 3 when another plan is invalid", async () => {
    const { writeFile } = await import("node:fs/promises");
    await writeFile(
      join(f.dir, "invalid.yaml"),
      "version: 1\nproject: Web Shop\nentries:\n  - test: No such test at all\n    host: nowhere\n",
    );
    for (const command of ["plan", "apply"]) {
      const c = f.io();
      expect(await runCli([command, "no-such-plan.yaml"], c.io), command).toBe(EXIT.ERROR);
      expect(c.err()).toContain("PLAN_FILE_NOT_FOUND");
      expect(await runCli([command, "no-such-plan.yaml", "invalid.yaml"], f.io().io), command).toBe(EXIT.INVALID_PLAN);
      expect(await runCli([command, "invalid.yaml", "no-such-plan.yaml"], f.io().io), command).toBe(EXIT.INVALID_PLAN);
    }
  });

  it("reads the password from stdin with --password-stdin and never prints it", async () => {
    const c = f.io({ env: { QAC_PASSWORD: "" }, readStdin: () => Promise.resolve("demo\n") });
    expect(await runCli(["plan", "plan.yaml", "--password-stdin"], c.io)).toBe(EXIT.OK);
    const wrong = f.io({ env: { QAC_PASSWORD: "s3cret-value" } });
    expect(await runCli(["plan", "plan.yaml"], wrong.io)).toBe(EXIT.ERROR);
    expect(wrong.out() + wrong.err()).not.toContain("s3cret-value");
  });

  it("saves a plan with --out that apply applies exactly, and refuses as stale once Run History changed", async () => {
    expect(await runCli(["plan", "plan.yaml", "--out", "saved.json"], f.io().io)).toBe(EXIT.OK);
    const saved = JSON.parse(await readFile(join(f.dir, "saved.json"), "utf8")) as {
      kind: string;
      decisions: { decision: string }[];
    };
    expect(saved.kind).toBe("qac-saved-plan");
    expect(saved.decisions.map((d) => d.decision)).toEqual(["create", "create", "create"]);
    // Someone applies the plan in between: the saved decisions no longer hold.
    expect(await runCli(["apply", "plan.yaml"], f.io().io)).toBe(EXIT.OK);
    const stale = f.io();
    expect(await runCli(["apply", "saved.json"], stale.io)).toBe(EXIT.ERROR);
    expect(stale.err()).toContain("the saved plan is stale");
    expect(stale.err()).toMatch(/search\/chrome\/build42: planned create, now skip \(run \d+\)/);
    await f.sim.clock.advance(24 * 3_600_000);
    expect(await runCli(["plan", "plan.yaml", "--out", "saved.json"], f.io().io)).toBe(EXIT.OK);
    const applied = f.io();
    expect(await runCli(["apply", "saved.json", "--json"], applied.io)).toBe(EXIT.OK);
    expect(JSON.parse(applied.out())).toMatchObject({ summary: { created: 3, satisfied: 0 } });
  });

  it("refuses JSON for several plan files at once (concatenated documents are not one JSON value)", async () => {
    f.sim.counters.reset();
    const plan = f.io();
    expect(await runCli(["plan", "plan.yaml", "plan.yaml", "--format", "json"], plan.io)).toBe(EXIT.ERROR);
    expect(plan.err()).toContain(
      "qac plan: --format json describes one plan (schemas/preview.schema.json); run it once per plan file.",
    );
    const apply = f.io();
    expect(await runCli(["apply", "plan.yaml", "plan.yaml", "--json"], apply.io)).toBe(EXIT.ERROR);
    expect(apply.err()).toContain(
      "qac apply: --format json prints one apply report (schemas/apply-report.schema.json); run it once per plan file.",
    );
    expect(f.sim.counters.get("POST /api/v2/projects/:projectId/testruns")).toBe(0);
  });

  it("takes the project from --project instead of the plan", async () => {
    const c = f.io();
    expect(await runCli(["plan", "plan.yaml", "--project", "1001"], c.io)).toBe(EXIT.OK);
    expect(c.out()).toContain("project Web Shop (1001)");
    // The second project has none of the plan's tests: the plan does not resolve there.
    expect(await runCli(["plan", "plan.yaml", "--project", "1002"], f.io().io)).toBe(EXIT.INVALID_PLAN);
  });

  it("shows examples in --help", async () => {
    for (const command of ["plan", "apply", "wait"]) {
      const c = f.io();
      await runCli([command, "--help"], c.io);
      expect(c.out(), command).toContain("Examples:");
      expect(c.out(), command).toContain("--password-stdin");
    }
  });
});
