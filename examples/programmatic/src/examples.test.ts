import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { main as applyMain } from "./apply-and-wait.js";
import { main as previewMain } from "./preview-plan.js";

describe("examples/programmatic", () => {
  it("previews the smoke plan: two runs to create, nothing sent", async () => {
    const out: string[] = [];
    const doc = await previewMain((t) => out.push(t));
    expect(doc.summary).toMatchObject({ create: 1, createForced: 1, skip: 0 });
    expect(doc.runs.map((r) => r.decision)).toEqual(["create-forced", "create"]);
    expect(out.join("")).toContain("2 to create (1 forced), 0 already satisfied");
    expect(out.join("")).toContain("<!-- qac-preview: smoke -->");
  });

  it("applies the smoke plan, waits for the runs; a second apply with the same identity creates nothing", async () => {
    const out: string[] = [];
    const { first, wait, second } = await applyMain((t) => out.push(t));
    expect(first.summary).toEqual({ created: 2, satisfied: 0, failed: 0, notStarted: 0 });
    // The demo tenant's "Apply discount code at checkout" fails on purpose, so the set run fails.
    expect(wait.outcome).toBe("failed");
    expect(wait.runs).toHaveLength(2);
    expect(second.summary).toEqual({ created: 0, satisfied: 2, failed: 0, notStarted: 0 });
    expect(second.runs.map((r) => r.runId).sort()).toEqual(first.runs.map((r) => r.runId).sort());
    expect(out.join("")).toMatch(/Waited: failed \(1 of 2 runs did not pass/);
  });

  it("runs as a standalone program (node with the qac-source condition and tsx)", async () => {
    const file = fileURLToPath(new URL("./preview-plan.ts", import.meta.url));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--conditions=qac-source", "--import", "tsx", file],
      { cwd: fileURLToPath(new URL("..", import.meta.url)), timeout: 30_000 },
    );
    expect(stdout).toContain("2 to create (1 forced), 0 already satisfied");
  });
});
