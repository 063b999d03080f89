import { afterEach, describe, expect, it } from "vitest";
import { createSimulator, type Simulator, type SimulatorOptions } from "../start-simulator.js";
import { call, type Row } from "../test-support/call.js";

let sim: Simulator;
afterEach(() => sim.close());

const P = "/api/v2/projects/1001";
const STRING_IN = encodeURIComponent("StatusCode in {'Passed','Failed'}");
const start = (options: SimulatorOptions) => (sim = createSimulator({ clock: "virtual", ...options }));

describe("undocumented filters over HTTP (strictFilters)", () => {
  it("answers a string in-list with 400 and a ServiceStack body in strict mode", async () => {
    start({ strict: true });
    const res = await call(sim, "GET", `${P}/testruns?Filter=${STRING_IN}`);
    expect(res.status).toBe(400);
    const message =
      "Invalid filter: 'in {...}' takes numeric constants only, found string 'Passed'; " +
      "write (StatusCode = 'Passed') OR (StatusCode = 'Failed') instead (at column 16)";
    expect(res.body).toEqual({
      ResponseStatus: {
        ErrorCode: "ArgumentException",
        Message: message,
        Errors: [{ ErrorCode: "ArgumentException", FieldName: "Filter", Message: message }],
      },
    });
  });

  it("refuses it in search bodies too", async () => {
    start({ strictFilters: true });
    const res = await call(sim, "POST", `${P}/tests/search`, { body: { Filter: "Title in {'Search by SKU'}" } });
    expect([res.status, res.body.Message]).toEqual([400, expect.stringMatching(/takes numeric constants only/)]);
  });

  it("accepts numeric in-lists in strict mode", async () => {
    start({ strict: true });
    const res = await call(sim, "GET", `${P}/testruns?Filter=${encodeURIComponent("TestSetId in {6101, 6102}")}`);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: Row) => r.id)).toEqual([120001, 120002]);
  });

  it("accepts string in-lists outside strict mode, and when strictFilters is turned off", async () => {
    for (const options of [{}, { strict: true, strictFilters: false }]) {
      start(options);
      const res = await call(sim, "GET", `${P}/testruns?Filter=${STRING_IN}`);
      expect(res.status).toBe(200);
      expect(res.body.metadata.result_set.total).toBeGreaterThan(0);
      await sim.close();
    }
    start({});
  });
});
