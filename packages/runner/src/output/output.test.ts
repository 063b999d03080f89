import { describe, expect, it } from "vitest";
import type { ApplyReport, ReportRun } from "../report/apply-report.js";
import { createProgress } from "./create-progress.js";
import { renderApplySummary } from "./render-apply-summary.js";

const run = (
  outcome: ReportRun["outcome"],
  runId: number | null,
  reason = outcome === "created" ? "created" : "why",
): ReportRun => ({
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
    failed: 0,
    notStarted: runs.filter((r) => r.outcome === "not-started").length,
  },
});

describe("apply output", () => {
  it("redraws one progress line on a TTY and prints plain lines elsewhere", () => {
    const tty: string[] = [];
    const p = createProgress({ write: (s: string) => tty.push(s), isTTY: true }, { width: 4 });
    p.onEvent({ type: "run", run: run("created", 5), done: 1, total: 2 });
    p.onEvent({ type: "run", run: run("failed", null), done: 2, total: 2 });
    p.done();
    expect(tty).toEqual([
      "\r\u001b[K[##--] 1/2 created 1 · satisfied 0 · failed 0",
      "\r\u001b[K[####] 2/2 created 1 · satisfied 0 · failed 1",
      "\r\u001b[K",
    ]);
    const plain: string[] = [];
    const q = createProgress({ write: (s: string) => plain.push(s) });
    q.onEvent({ type: "run", run: run("created", 5), done: 1, total: 1 });
    q.done();
    expect(plain).toEqual(["created     run 5       set Checkout smoke · Chrome · 2026.12 / B42 · agent\n"]);
  });

  it("summarises with counts and run ids, and after Ctrl-C says what was created", () => {
    const text = renderApplySummary(
      report([run("created", 5), run("not-started", null, "not started: the apply was interrupted")], "interrupted"),
    );
    expect(text).toBe(
      "Interrupted smoke to Web Shop (1001): 1 created, 0 satisfied, 0 failed, 1 not started\n" +
        "  created     run 5       set Checkout smoke · Chrome · 2026.12 / B42 · agent\n" +
        "  not-started -           set Checkout smoke · Chrome · 2026.12 / B42 · agent  (not started: the apply was interrupted)\n" +
        "Created before stopping: run 5.\n" +
        "Run qac apply again to create the rest: runs already created are found and not created twice.\n",
    );
  });
});
