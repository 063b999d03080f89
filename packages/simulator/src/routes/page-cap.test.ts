import { afterEach, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../start-simulator.js";
import { basic, call, type Row } from "../test-support/call.js";

let sim: Simulator;
afterEach(() => sim.close());

const P = "/api/v2/projects/1001";
const HOST_101 = basic("101", "6f1c2b9e-0d4a-4e8b-9a51-3c7d2e8f1a01");

describe("page cap (maxPageSize; reference §13: no documented maximum, so assume one)", () => {
  it("answers at most the cap with the true total, and walking by rows received reads every row", async () => {
    sim = createSimulator({ clock: "virtual", maxPageSize: 5 });
    const first = await call(sim, "GET", `${P}/tests?limit=1000`);
    expect(first.body.metadata.result_set).toEqual({ count: 5, offset: 0, limit: 5, total: 53 });
    expect(first.body.results).toHaveLength(5);
    const seen: number[] = [];
    for (let offset = 0; ;) {
      const page = (await call(sim, "GET", `${P}/tests?offset=${offset}&limit=1000`)).body;
      expect(page.metadata.result_set.offset).toBe(offset);
      seen.push(...page.results.map((t: Row) => t.id as number));
      offset += page.results.length;
      if (page.results.length === 0 || offset >= page.metadata.result_set.total) break;
    }
    expect(new Set(seen).size).toBe(53);
  });

  it("leaves smaller limits and limit=0 alone", async () => {
    sim = createSimulator({ clock: "virtual", maxPageSize: 5 });
    expect((await call(sim, "GET", `${P}/tests?limit=3`)).body.metadata.result_set).toEqual({
      count: 3,
      offset: 0,
      limit: 3,
      total: 53,
    });
    expect((await call(sim, "GET", `${P}/tests?limit=0`)).body.metadata.result_set.count).toBe(0);
  });

  it("holds for every list route", async () => {
    sim = createSimulator({ clock: "virtual", maxPageSize: 1 });
    for (const TestId of [3101, 3102]) await call(sim, "POST", `${P}/testruns`, { body: { TestId, RunByHostId: 101 } });
    const lists: [string, string, Record<string, unknown>?][] = [
      ["GET", `${P}/testruns`],
      ["GET", `${P}/testruns/120001/items`],
      ["GET", `${P}/tests`],
      ["POST", `${P}/tests/search`, { Filter: "Id > 0" }],
      ["GET", `${P}/configurations`],
      ["POST", `${P}/configurations/search`, { Filter: "Id > 0" }],
      ["GET", `${P}/testsets`],
      ["GET", `${P}/testsets/6105/items`],
      ["GET", "/api/v1/projects/1001/releases"],
      ["GET", "/api/v1/projects"],
      ["GET", "/api/v1/projects/1001/users"],
      ["GET", "/automation/v2/hosts"],
      ["GET", "/automation/v2/depts"],
      ["GET", "/automation/v2/hosts/101/currentruns"],
    ];
    for (const [method, url, body] of lists) {
      const asHost = url.includes("/hosts/101/");
      const headers: Record<string, string> = asHost ? { authorization: HOST_101 } : {};
      const res = await call(sim, method as "GET", `${url}${url.includes("?") ? "&" : "?"}limit=1000`, {
        body,
        headers,
        as: asHost ? null : "demo",
      });
      const rs = res.body.metadata?.result_set;
      expect([url, res.status, res.body.results?.length, rs?.count, rs?.limit]).toEqual([url, 200, 1, 1, 1]);
      if (!url.endsWith("/depts")) expect([url, rs.total > 1]).toEqual([url, true]);
    }
  });

  it("is 25 under strict unless maxPageSize says otherwise", async () => {
    sim = createSimulator({ clock: "virtual", strict: true });
    expect((await call(sim, "GET", `${P}/tests?limit=1000`)).body.metadata.result_set.count).toBe(25);
    await sim.close();
    sim = createSimulator({ clock: "virtual", strict: true, maxPageSize: 7 });
    expect((await call(sim, "GET", `${P}/tests?limit=1000`)).body.metadata.result_set.count).toBe(7);
  });

  it("refuses a cap below 1 with SIM_OPTIONS", () => {
    expect(() => createSimulator({ maxPageSize: 0 })).toThrow(
      expect.objectContaining({ code: "SIM_OPTIONS", message: "maxPageSize must be a whole number >= 1, got 0" }),
    );
    sim = createSimulator({ clock: "virtual" });
  });
});
