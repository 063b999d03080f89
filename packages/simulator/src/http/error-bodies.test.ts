import { afterEach, describe, expect, it } from "vitest";
import type { ErrorBodyStyle } from "./error-body.js";
import { createSimulator, type Simulator, type SimulatorOptions } from "../start-simulator.js";
import { call } from "../test-support/call.js";

let sim: Simulator;
afterEach(() => sim.close());

const P = "/api/v2/projects/1001";
const TESTRUNS = "POST /api/v2/projects/:projectId/testruns";

/** One request per error status the simulator sends, with what a client must be able to read from it. */
const CASES = [
  {
    status: 401,
    code: "Unauthorized",
    message: /^Authorization has been denied/,
    send: () => call(sim, "GET", `${P}/tests`, { as: null }),
  },
  {
    status: 403,
    code: "UnauthorizedAccessException",
    message: /^Access is denied$/,
    send: () => call(sim, "GET", "/api/v2/projects/1002/tests", { as: "viewer" }),
  },
  {
    status: 404,
    code: "NotFound",
    message: /^File or directory not found$/,
    send: () => call(sim, "GET", `${P}/testruns/999`),
  },
  {
    status: 400,
    code: "ArgumentException",
    message: /^Either TestId or TestSetId is required$/,
    send: () => call(sim, "POST", `${P}/testruns`, { body: {} }),
  },
  {
    status: 429,
    code: "TooManyRequests",
    message: /^Injected fault: HTTP 429$/,
    send: () => (
      sim.faults.set([{ route: TESTRUNS, status: 429 }]),
      call(sim, "POST", `${P}/testruns`, { body: { TestId: 3101 } })
    ),
  },
  {
    status: 503,
    code: "ServiceUnavailable",
    message: /^Injected fault: HTTP 503$/,
    send: () => (
      sim.faults.set([{ route: TESTRUNS, status: 503 }]),
      call(sim, "POST", `${P}/testruns`, { body: { TestId: 3101 } })
    ),
  },
];

describe("error bodies (reference §13: QAComplete is a ServiceStack host)", () => {
  const start = (options: SimulatorOptions) => (sim = createSimulator({ clock: "virtual", ...options }));

  it.each(CASES)("answers $status as {Message} by default", async ({ status, message, send }) => {
    start({});
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ Message: expect.stringMatching(message) });
  });

  it.each(CASES)("answers $status with ResponseStatus when errorBodies is servicestack", async (c) => {
    start({ errorBodies: "servicestack" });
    const res = await c.send();
    expect(res.status).toBe(c.status);
    expect(res.body).toEqual({
      ResponseStatus: { ErrorCode: c.code, Message: expect.stringMatching(c.message), Errors: [] },
    });
  });

  it.each(CASES)("answers $status with response_status when errorBodies is servicestack-snake", async (c) => {
    start({ errorBodies: "servicestack-snake" });
    const res = await c.send();
    expect(res.status).toBe(c.status);
    expect(res.body).toEqual({
      response_status: { error_code: c.code, message: expect.stringMatching(c.message), errors: [] },
    });
  });

  it("keeps the Basic challenge on 401 and the Retry-After header on injected faults", async () => {
    start({ strict: true });
    expect((await call(sim, "GET", `${P}/tests`, { as: null })).headers["www-authenticate"]).toBe(
      'Basic realm="QAComplete"',
    );
    sim.faults.set([{ route: TESTRUNS, status: 503, retryAfterSeconds: 4 }]);
    expect((await call(sim, "POST", `${P}/testruns`, { body: { TestId: 3101 } })).headers["retry-after"]).toBe("4");
  });

  it("names the field of a request-body problem in Errors", async () => {
    start({ errorBodies: "servicestack" });
    const res = await call(sim, "PATCH", `${P}/testruns/120001/items/1`, { body: { RunTime: 3 } });
    expect(res).toMatchObject({ status: 400 });
    expect(res.body.ResponseStatus).toEqual({
      ErrorCode: "NotEmpty",
      Message: "Invalid request body: the body must have required property 'StatusCode'",
      Errors: [
        {
          ErrorCode: "NotEmpty",
          FieldName: "StatusCode",
          Message: "Invalid request body: the body must have required property 'StatusCode'",
        },
      ],
    });
    const typed = await call(sim, "POST", `${P}/testruns`, { body: { TestId: "abc" } });
    expect(typed.body.ResponseStatus.Errors).toEqual([
      expect.objectContaining({ ErrorCode: "SerializationException", FieldName: "TestId" }),
    ]);
  });

  it("names the Filter parameter of a filter problem, and answers unknown URLs in the same style", async () => {
    start({ errorBodies: "servicestack-snake" });
    const res = await call(sim, "GET", `${P}/testruns?Filter=${encodeURIComponent("Id = ")}`);
    expect(res.body.response_status).toMatchObject({
      error_code: "ArgumentException",
      errors: [
        { error_code: "ArgumentException", field_name: "Filter", message: expect.stringMatching(/^Invalid filter/) },
      ],
    });
    expect((await call(sim, "GET", "/api/v2/nowhere")).body).toEqual({
      response_status: { error_code: "NotFound", message: "File or directory not found", errors: [] },
    });
  });

  it("is ServiceStack's under strict, unless errorBodies says otherwise", async () => {
    start({ strict: true });
    expect((await call(sim, "GET", `${P}/testruns/999`)).body).toHaveProperty("ResponseStatus.ErrorCode", "NotFound");
    await sim.close();
    start({ strict: true, errorBodies: "message" });
    expect((await call(sim, "GET", `${P}/testruns/999`)).body).toEqual({ Message: "File or directory not found" });
  });

  it("refuses an unknown style with SIM_OPTIONS", () => {
    expect(() => createSimulator({ errorBodies: "xml" as ErrorBodyStyle })).toThrow(
      expect.objectContaining({
        code: "SIM_OPTIONS",
        message: "errorBodies must be one of message, servicestack, servicestack-snake, got xml",
      }),
    );
    sim = createSimulator({ clock: "virtual" });
  });
});
