/**
 * 429 is waited out in every phase (issue 10, defect 3): resolving the plan, observing Run History,
 * creating, recording and waiting. Each route qac calls answers 429 several times first; the apply
 * still succeeds, creates each run once and waits for them.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator, type Simulator } from "@qac/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.js";
import { fastSeed, maxRunId, qacInProcess, runsPerKey } from "./support/processes.js";

const ROUTES = [
  "GET /api/v1/projects", // resolve
  "GET /automation/v2/hosts",
  "GET /api/v2/projects/:projectId/configurations",
  "GET /api/v1/projects/:projectId/releases",
  "GET /api/v2/projects/:projectId/testsets",
  "POST /api/v2/projects/:projectId/tests/search",
  "GET /api/v2/projects/:projectId/tests/:id/automations", // will the runs start
  "GET /api/v1/projects/:projectId/testsets/:id/items",
  "GET /api/v2/projects/:projectId/testruns", // observe and wait
  "GET /api/v2/projects/:projectId/testruns/:id/items",
  "POST /api/v2/projects/:projectId/testruns", // create
];

const PLAN = `version: 1
project: Web Shop
configurations: { chrome: "Chrome / Windows 11" }
releases: { build42: "2026.12 / RC1 / Build 42" }
hosts: { windows: build-agent-01 }
defaults: { host: windows, configurations: chrome, releases: build42 }
entries:
  - test: Search by product name
  - testSet: Checkout smoke
`;

let sim: Simulator;
let dir: string;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, clock: "real", strict: true, maxPageSize: 5, seed: fastSeed() });
  dir = await mkdtemp(join(tmpdir(), "qac-429-"));
  await writeFile(join(dir, "plan.yaml"), PLAN);
});
afterAll(() => sim.close());

describe("HTTP 429 in every phase of qac apply --once-per --wait", () => {
  it("is waited out (Retry-After honoured): the apply succeeds and creates each run once", async () => {
    // Three 429s on every route first (Retry-After: 1 s on the creates, 0 elsewhere).
    sim.faults.set(
      ROUTES.map((route) => ({
        route,
        status: 429,
        retryAfterSeconds: route.startsWith("POST /api/v2") ? 1 : 0,
        times: 3,
      })),
    );
    const before = maxRunId(sim);
    const args = ["apply", "plan.yaml", "--once-per", "rate-limited", "--wait", "--timeout", "2m", "--junit", "j.xml"];
    const { code, out, err } = await qacInProcess(args, sim, dir);
    sim.faults.clear();
    // The demo tenant fails one test of "Checkout smoke" on purpose: the wait reports it (exit 1), and
    // that test result is the only failure.
    expect(code).toBe(EXIT.ERROR);
    expect(out).toMatch(/Failed: 1 of 2 runs did not pass: \d+ \(Failed\)/);
    expect(out).toContain("0 create errors");
    expect(err).not.toMatch(/rate limited|429/i);
    expect(err).toContain("JUnit report written to j.xml");
    expect([...runsPerKey(sim, 1001, before).values()]).toEqual([1, 1]);
    for (const route of ROUTES) expect(sim.counters.get(route), route).toBeGreaterThan(3);
  }, 120_000);

  it("waits out ten 429s in a row while resolving the plan (GET /api/v1/projects), as in the report", async () => {
    sim.faults.set([{ route: "GET /api/v1/projects", status: 429, retryAfterSeconds: 0, times: 10 }]);
    const calls = sim.counters.get("GET /api/v1/projects");
    const { code, err } = await qacInProcess(["plan", "plan.yaml"], sim, dir);
    sim.faults.clear();
    expect(err, err).toBe("");
    expect(code).toBe(EXIT.OK);
    expect(sim.counters.get("GET /api/v1/projects") - calls).toBeGreaterThanOrEqual(11); // ten 429s, then 200
  }, 120_000);
});
