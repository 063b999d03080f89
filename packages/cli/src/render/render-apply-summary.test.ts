import { describe, expect, it } from "vitest";
import type { ApplyEvent, ApplyReport, ReportRun } from "@qac/runner";
import { createApplyProgress } from "./create-apply-progress.js";
import { renderApplySummary } from "./render-apply-summary.js";

const run = (outcome: ReportRun["outcome"], runId: number | null, reason = "created"): ReportRun => ({
  identity: String(runId),
  runKey: "k",
  kind: "testSet",
  testId: null,
  testSetId: 1,
  title: "Checkout smoke",
  configuration: { id: 1, title: "Chrome" },
  release: { id: 2, title: "B42", path: "2026.12 / B42" },
  host: { id: 3, name: "agent" },
  decision: "create",
  outcome,
  runId,
  reason,
  status: null,
});
const report = (runs: ReportRun[], status: ApplyReport["status"] = "succeeded"): ApplyReport => ({
  version: 1,
  plan: { name: "smoke", file: "smoke.yaml" },
  project: { id: 1001, name: "Web Shop" },
  applyIdentity: null,
  startedAt: "",
  finishedAt: "",
  status,
  ci: null,
  user: null,
  runs,
  summary: {
    created: runs.filter((r) => r.outcome === "created").length,
    satisfied: 0,
    failed: runs.filter((r) => r.outcome === "failed").length,
    notStarted: runs.filter((r) => r.outcome === "not-started").length,
  },
});
const event = (r: ReportRun, done: number, total: number): ApplyEvent => ({ type: "run", run: r, done, total });

describe("renderApplySummary", () => {
  it("says 'create error' for a run whose create failed, keeping 'failed' for test results", () => {
    expect(renderApplySummary(report([run("created", 5), run("failed", null, "HTTP 500 from the server")])))
      .toMatchInlineSnapshot(`
        "Applied smoke to Web Shop (1001): 1 created, 0 satisfied, 1 create error, 0 not started
          created      run 5       set Checkout smoke · Chrome · 2026.12 / B42 · agent
          create error -           set Checkout smoke · Chrome · 2026.12 / B42 · agent  (HTTP 500 from the server)
        "
      `);
  });

  it("after Ctrl-C names the runs created so far and how to continue", () => {
    const text = renderApplySummary(
      report([run("created", 5), run("not-started", null, "not started: the apply was interrupted")], "interrupted"),
    );
    expect(text).toMatchInlineSnapshot(`
      "Interrupted smoke to Web Shop (1001): 1 created, 0 satisfied, 0 create errors, 1 not started
        created      run 5       set Checkout smoke · Chrome · 2026.12 / B42 · agent
        not started  -           set Checkout smoke · Chrome · 2026.12 / B42 · agent  (not started: the apply was interrupted)
      Created before stopping: run 5.
      Run qac apply again to create the rest: runs already created are found and not created twice.
      "
    `);
  });
});

describe("createApplyProgress", () => {
  it("redraws one bar on a terminal and clears it at the end", () => {
    const tty: string[] = [];
    const p = createApplyProgress({ write: (s: string) => tty.push(s), isTTY: true }, { mode: "live" });
    p.onEvent(event(run("created", 5), 1, 2));
    p.onEvent(event(run("failed", null), 2, 2));
    p.done();
    expect(tty.map((w) => w.replaceAll("\r\u001b[K", "<redraw>"))).toMatchInlineSnapshot(`
      [
        "<redraw>[############------------] 1/2 · created 1 · satisfied 0 · create errors 0",
        "<redraw>[########################] 2/2 · created 1 · satisfied 0 · create errors 1",
        "<redraw>",
      ]
    `);
  });

  it("in CI writes no line per run (the summary lists each once), only a count line after 30 s", () => {
    const plain: string[] = [];
    let now = 0;
    const p = createApplyProgress({ write: (s: string) => plain.push(s) }, { mode: "plain", now: () => now });
    for (let i = 1; i <= 50; i += 1) {
      now = i * 1000;
      p.onEvent(event(run("created", 100 + i), i, 50));
    }
    p.done();
    expect(plain).toMatchInlineSnapshot(`
      [
        "30 of 50 runs done so far: created 30 · satisfied 0 · create errors 0
      ",
      ]
    `);
  });
});
