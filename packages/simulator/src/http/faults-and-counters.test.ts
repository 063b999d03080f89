import { afterEach, describe, expect, it } from "vitest";
import { createSimulator, startSimulator, type Simulator } from "../start-simulator.js";
import { basic, call } from "../test-support/call.js";

const ROUTE = "POST /api/v2/projects/:projectId/testruns";
const LIST = "GET /api/v2/projects/:projectId/testruns";
let sim: Simulator;
afterEach(() => sim.close());

const headers = {
  authorization: basic("demo@qac.example", "demo"),
  "content-type": "application/json",
  accept: "application/json",
};
const postRun = () =>
  fetch(`${sim.url}/rest-api/service/api/v2/projects/1001/testruns`, {
    method: "POST",
    headers,
    body: JSON.stringify({ TestId: 3141, ForceNewRunCreation: true }),
  });

describe("fault injection over a real socket", () => {
  it("answers 429 with Retry-After, then serves normally after `times` hits", async () => {
    sim = await startSimulator({
      clock: "virtual",
      faults: [{ route: ROUTE, status: 429, retryAfterSeconds: 7, times: 1 }],
    });
    const limited = await postRun();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(await limited.json()).toEqual({ Message: "Injected fault: HTTP 429" });
    expect((await postRun()).status).toBe(200);
  });

  it.each([500, 502, 503, 504] as const)("answers %i without touching state", async (status) => {
    sim = await startSimulator({ clock: "virtual", faults: [{ route: ROUTE, status }] });
    const before = sim.runs.count();
    expect((await postRun()).status).toBe(status);
    expect(sim.runs.count()).toBe(before);
  });

  it("adds fixed latency", async () => {
    sim = await startSimulator({ clock: "virtual", faults: [{ latencyMs: 150 }] });
    const t0 = performance.now();
    await fetch(`${sim.url}/rest-api/service/api/v1/projects`, { headers });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it("resets the connection before the request is handled: no run is created", async () => {
    sim = await startSimulator({ clock: "virtual", faults: [{ route: ROUTE, reset: "before", times: 1 }] });
    const before = sim.runs.count();
    await expect(postRun()).rejects.toThrow();
    expect(sim.runs.count()).toBe(before);
  });

  it("resets the connection after the request was handled: the run exists but the client never heard", async () => {
    sim = await startSimulator({ clock: "virtual", faults: [{ route: ROUTE, reset: "after", times: 1 }] });
    const before = sim.runs.count();
    await expect(postRun()).rejects.toThrow();
    expect(sim.runs.count()).toBe(before + 1);
    expect(sim.runs.list(1001, "TestSetId = 0 AND StatusCode = 'Awaiting Run'").length).toBeGreaterThan(0);
    // The server keeps working afterwards.
    expect((await postRun()).status).toBe(200);
  });

  it("resets under fastify inject() too: the call rejects, and with `after` the run exists", async () => {
    sim = await startSimulator({
      clock: "virtual",
      faults: [
        { route: ROUTE, reset: "after", times: 1 },
        { route: ROUTE, reset: "before", times: 1 },
      ],
    });
    const before = sim.runs.count();
    const inject = () =>
      sim.app.inject({
        method: "POST",
        url: "/rest-api/service/api/v2/projects/1001/testruns",
        headers,
        payload: { TestId: 3141, ForceNewRunCreation: true },
      });
    await expect(inject()).rejects.toThrow("Injected fault: connection reset");
    expect(sim.runs.count()).toBe(before + 1);
    await expect(inject()).rejects.toThrow("Injected fault: connection reset");
    expect(sim.runs.count()).toBe(before + 1);
    expect((await inject()).statusCode).toBe(200);
  });

  it("refuses a rule whose route names no route, instead of silently injecting nothing", async () => {
    expect(() =>
      createSimulator({ clock: "virtual", faults: [{ route: "POST /testruns", status: 503 }] }),
    ).toThrowError(
      'faults[0].route "POST /testruns" is not a route of the simulator; route keys look like "GET ' +
        '/api/v2/projects/:projectId/testruns" (fastify params, no /rest-api/service)',
    );
    sim = await startSimulator({ clock: "virtual" });
    // The client's endpoint keys use {Param}; the simulator's use fastify's :param.
    expect(() =>
      sim.faults.set([{ route: "GET /api/v2/projects/{ProjectId}/testruns/{Id}", status: 503 }]),
    ).toThrowError(
      'faults[0].route "GET /api/v2/projects/{ProjectId}/testruns/{Id}" is not a route of the simulator; did you ' +
        'mean "GET /api/v2/projects/:projectId/testruns/:id"?',
    );
    sim.faults.set([
      { route: "PATCH /api/v2/projects/:projectId/testruns/:id/items/:itemId", status: 503 },
      { route: "GET /automation/v2/hosts", status: 503 },
      { route: "*", latencyMs: 0 },
    ]);
  });

  it("can change and clear faults at run time", async () => {
    sim = await startSimulator({ clock: "virtual" });
    sim.faults.set([{ route: LIST, status: 503 }]);
    expect((await call(sim, "GET", "/api/v2/projects/1001/testruns")).status).toBe(503);
    sim.faults.clear();
    expect((await call(sim, "GET", "/api/v2/projects/1001/testruns")).status).toBe(200);
  });
});

describe("request counters", () => {
  it("counts requests per route key, faulted ones included", async () => {
    sim = await startSimulator({ clock: "virtual", faults: [{ route: LIST, status: 500, times: 1 }] });
    await call(sim, "GET", "/api/v2/projects/1001/testruns");
    await call(sim, "GET", "/api/v2/projects/1001/testruns?limit=1");
    await call(sim, "POST", "/api/v2/projects/1001/testruns", { body: { TestId: 3141 } });
    await call(sim, "GET", "/api/v1/projects/1001/testruns/120001");
    await call(sim, "GET", "/api/v2/bogus");
    expect(sim.counters.get(LIST)).toBe(2);
    expect(sim.counters.get(ROUTE)).toBe(1);
    expect(sim.counters.all()).toEqual({
      "GET (unmatched)": 1,
      [LIST]: 2,
      [ROUTE]: 1,
      "GET /api/v1/projects/:projectId/testruns/:id": 1,
    });
    expect(sim.counters.total()).toBe(5);
    expect(sim.counters.get("GET (unmatched)")).toBe(1);
    expect(() => sim.counters.get("GET /api/v2/projects/{ProjectId}/testruns")).toThrow(
      expect.objectContaining({ code: "SIM_OPTIONS" }),
    );
    sim.counters.reset();
    expect(sim.counters.total()).toBe(0);
    expect(sim.counters.get(LIST)).toBe(0);
  });
});
