import { afterEach, describe, expect, it } from "vitest";
import { expectSchema } from "../test-support/expect-schema.js";
import { auth, report, reportRun, testServer } from "../test-support/fixtures.js";

let app = testServer({ runLinkTemplate: "https://qac.example/run?p={projectId}&r={runId}" });
afterEach(async () => {
  await app.close();
  app = testServer({ runLinkTemplate: "https://qac.example/run?p={projectId}&r={runId}" });
});
const post = (body: unknown) =>
  app.inject({ method: "POST", url: "/api/v1/applies", headers: auth(), payload: body as object });

const nightly = report({
  runs: [
    reportRun({ identity: "a", title: "A", runId: 1, status: "Passed" }),
    reportRun({ identity: "b", title: "B", runId: 2, status: "Failed", host: { id: 102, name: "build-agent-02" } }),
    reportRun({
      identity: "c",
      title: "C",
      runId: 3,
      status: "Awaiting Run",
      release: { id: 42, title: "2.0", path: "Web Shop 2.0" },
    }),
    reportRun({ identity: "d", title: "D", runId: 4, status: "In Progress" }),
    reportRun({ identity: "e", title: "E", runId: 5, status: "Blocked" }),
    reportRun({
      identity: "f",
      title: "F",
      runId: null,
      status: null,
      decision: "not-started",
      outcome: "not-started",
    }),
  ],
});

describe("GET /api/v1/plans", () => {
  it("shows the latest apply of each plan with its runs counted by status", async () => {
    await post(
      report({ plan: { name: "nightly", file: "n.yaml" }, runs: [reportRun({ runId: 99, status: "Failed" })] }),
    );
    await post(nightly);
    await post(report({ plan: { name: "smoke", file: "s.yaml" }, runs: [reportRun({ runId: 50, status: "Passed" })] }));
    const answer = await app.inject("/api/v1/plans");
    expectSchema("plan-list", answer.json());
    const [first, second] = answer.json().plans;
    expect(first).toMatchObject({ plan: "nightly", project: { id: 1001, name: "Web Shop" }, latestApply: { id: 2 } });
    expect(first.counts).toEqual({ passed: 1, failed: 1, blocked: 1, awaiting: 1, inProgress: 1, other: 1, total: 6 });
    expect(second).toMatchObject({ plan: "smoke", counts: { passed: 1, total: 1 } });
  });

  it("counts a run by the status the poller wrote, not the one reported", async () => {
    await post(nightly);
    app.qacStatus.store.runStatus.update([{ projectId: 1001, runId: 3, status: "Passed", finished: true }], new Date());
    const counts = (await app.inject("/api/v1/plans")).json().plans[0].counts;
    expect(counts).toMatchObject({ passed: 2, awaiting: 0 });
  });
});

describe("GET /api/v1/runs", () => {
  it("filters the latest runs by status, host, release and plan, with links into QAComplete", async () => {
    await post(nightly);
    const byStatus = await app.inject("/api/v1/runs?status=failed");
    expectSchema("run-list", byStatus.json());
    expect(byStatus.json()).toMatchObject({
      total: 1,
      runs: [{ title: "B", runId: 2, status: "Failed", finished: true, url: "https://qac.example/run?p=1001&r=2" }],
    });
    expect(
      (await app.inject("/api/v1/runs?host=BUILD-AGENT-02")).json().runs.map((r: { title: string }) => r.title),
    ).toEqual(["B"]);
    expect(
      (await app.inject("/api/v1/runs?release=Web%20Shop%202.0")).json().runs.map((r: { title: string }) => r.title),
    ).toEqual(["C"]);
    expect((await app.inject("/api/v1/runs?release=2.0")).json().total).toBe(1);
    expect((await app.inject("/api/v1/runs?plan=other")).json().total).toBe(0);
    const notStarted = (await app.inject("/api/v1/runs?limit=1&offset=5")).json();
    expect(notStarted).toMatchObject({ total: 6, runs: [{ title: "F", runId: null, url: null, finished: false }] });
  });

  it("shows an older apply's runs with apply=<id>", async () => {
    await post(report({ runs: [reportRun({ title: "old", runId: 70 })] }));
    await post(nightly);
    expect((await app.inject("/api/v1/runs")).json().total).toBe(6);
    expect((await app.inject("/api/v1/runs?apply=1")).json().runs.map((r: { title: string }) => r.title)).toEqual([
      "old",
    ]);
  });
});
