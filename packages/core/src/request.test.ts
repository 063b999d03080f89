import { describe, expect, expectTypeOf, it } from "vitest";
import { errors } from "undici";
import { API, envelope, mockQac, rejection, run, TOKEN } from "./test-support/mock-qac.js";
import { QacCreateOutcomeUnknownError, QacError } from "./errors.js";
import { toProjectId, toTestId, toTestRunId, toTestSetId } from "./ids.js";

const P = toProjectId(1001);
const runPath = `${API}/v2/projects/1001/testruns/7`;
const runsPath = `${API}/v2/projects/1001/testruns`;
const json = { headers: { "content-type": "application/json" } };

describe("request", () => {
  it("sends Basic auth, Accept JSON and a request id, and returns the run", async () => {
    const { pool, client } = mockQac();
    let seen: Record<string, string> = {};
    pool.intercept({ path: runPath, method: "GET" }).reply(
      200,
      (opts) => {
        seen = opts.headers as Record<string, string>;
        return run(7);
      },
      json,
    );
    await expect(client.testRuns.get(P, toTestRunId(7))).resolves.toMatchObject({
      id: 7,
      run_time_formated: "00:00:00",
    });
    expect(seen).toMatchObject({
      authorization: `Basic ${TOKEN}`,
      accept: "application/json",
      "x-request-id": "req-1",
    });
  });

  it("retries a GET after a 503 and returns the run", async () => {
    const { pool, client, sleeps, logs } = mockQac();
    pool.intercept({ path: runPath, method: "GET" }).reply(503, "Service Unavailable");
    pool.intercept({ path: runPath, method: "GET" }).reply(502, "Bad Gateway");
    pool.intercept({ path: runPath, method: "GET" }).reply(200, run(7), json);
    await expect(client.testRuns.get(P, toTestRunId(7))).resolves.toMatchObject({ id: 7 });
    expect(sleeps).toEqual([375, 750]);
    expect(logs.map((l) => [l.attempt, l.status, l.errorCode ?? null])).toEqual([
      [1, 503, "CORE_SERVER"],
      [2, 502, "CORE_SERVER"],
      [3, 200, null],
    ]);
    expect(client.callCount()).toBe(3);
  });

  it("retries a GET after a connection reset", async () => {
    const { pool, client } = mockQac();
    pool.intercept({ path: runPath, method: "GET" }).replyWithError(new errors.SocketError("other side closed"));
    pool.intercept({ path: runPath, method: "GET" }).reply(200, run(7), json);
    await expect(client.testRuns.get(P, toTestRunId(7))).resolves.toMatchObject({ id: 7 });
  });

  it("honours Retry-After on a 429", async () => {
    const { pool, client, sleeps } = mockQac();
    pool.intercept({ path: runPath, method: "GET" }).reply(429, "slow down", { headers: { "retry-after": "2" } });
    pool.intercept({ path: runPath, method: "GET" }).reply(200, run(7), json);
    await client.testRuns.get(P, toTestRunId(7));
    expect(sleeps).toEqual([2000]);
  });

  it("gives up after maxAttempts with the last error", async () => {
    const { pool, client } = mockQac({ retry: { maxAttempts: 2, sleep: () => Promise.resolve() } });
    pool.intercept({ path: runPath, method: "GET" }).reply(503, "down").times(2);
    const error = await rejection(client.testRuns.get(P, toTestRunId(7)));
    expect(error).toMatchObject({ code: "CORE_SERVER", status: 503, attempt: 2, serverMessage: "down" });
  });

  it("maps error statuses and keeps the server's message and correlation id", async () => {
    const { pool, client } = mockQac();
    pool
      .intercept({ path: runPath, method: "GET" })
      .reply(404, { Message: "File or directory not found" }, { headers: { "x-request-id": "srv-9" } });
    const error = await rejection(client.testRuns.get(P, toTestRunId(7)));
    expect(error).toMatchObject({
      code: "CORE_NOT_FOUND",
      status: 404,
      method: "GET",
      path: runPath,
      serverMessage: "File or directory not found",
      requestId: "req-1",
      serverRequestId: "srv-9",
    });
  });

  it("never repeats a create after a 503 and reports its outcome unknown with the body", async () => {
    const { pool, client } = mockQac();
    pool.intercept({ path: runsPath, method: "POST" }).reply(503, "busy");
    const error = await rejection(client.testRuns.create(P, { TestId: toTestId(5) }));
    expect(error).toBeInstanceOf(QacCreateOutcomeUnknownError);
    expect(error).toMatchObject({
      code: "CORE_CREATE_OUTCOME_UNKNOWN",
      requestBody: { TestId: 5 },
      reason: { code: "CORE_SERVER", status: 503 },
    });
    expect(client.callCount()).toBe(1);
  });

  it("never repeats a create after the connection dropped mid-request", async () => {
    const { pool, client } = mockQac();
    pool.intercept({ path: runsPath, method: "POST" }).replyWithError(new errors.SocketError("other side closed"));
    const error = await rejection(client.testRuns.create(P, { TestId: toTestId(5) }));
    expect(error).toMatchObject({ code: "CORE_CREATE_OUTCOME_UNKNOWN", reason: { code: "CORE_NETWORK" } });
    expect(client.callCount()).toBe(1);
  });

  it("retries a create that was refused before sending or rate limited", async () => {
    const { pool, client } = mockQac();
    pool
      .intercept({ path: runsPath, method: "POST" })
      .replyWithError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }));
    pool.intercept({ path: runsPath, method: "POST" }).reply(429, "", { headers: { "retry-after": "0" } });
    let body: unknown;
    pool
      .intercept({ path: runsPath, method: "POST" })
      .reply(200, (opts) => ((body = JSON.parse(opts.body as string)), run(8)), json);
    await expect(client.testRuns.create(P, { TestId: toTestId(5), ForceNewRunCreation: true })).resolves.toMatchObject({
      id: 8,
    });
    expect(body).toEqual({ TestId: 5, ForceNewRunCreation: true });
    expect(client.callCount()).toBe(3);
  });

  it("treats a restart like a create", async () => {
    const { pool, client } = mockQac();
    pool.intercept({ path: `${runPath}/restart`, method: "POST" }).reply(504, "");
    await expect(rejection(client.testRuns.restart(P, toTestRunId(7)))).resolves.toMatchObject({
      code: "CORE_CREATE_OUTCOME_UNKNOWN",
      requestBody: null,
    });
  });

  it("does not retry a 400 on create and passes the server message on", async () => {
    const { pool, client } = mockQac();
    pool.intercept({ path: runsPath, method: "POST" }).reply(400, { Message: "Test is already running" });
    await expect(rejection(client.testRuns.create(P, { TestId: toTestId(5) }))).resolves.toMatchObject({
      code: "CORE_BAD_REQUEST",
      serverMessage: "Test is already running",
    });
  });

  it("turns a deadline into CORE_TIMEOUT", async () => {
    const { pool, client } = mockQac({ timeoutMs: 30, retry: false });
    pool.intercept({ path: runPath, method: "GET" }).reply(200, run(7), json).delay(500);
    await expect(rejection(client.testRuns.get(P, toTestRunId(7)))).resolves.toMatchObject({
      code: "CORE_TIMEOUT",
      path: runPath,
    });
  });

  it("rejects bodies that break the API's promise with CORE_INVALID_RESPONSE and the path", async () => {
    const cases: [unknown, RegExp][] = [
      ["<html>oops</html>", /not JSON/],
      [{ results: [] }, /metadata.result_set is missing/],
      [envelope([{ id: "7" }], 1), /results\[0\]\.id is "7", expected an integer/],
      [{ metadata: { result_set: { offset: 0, total: 1 } }, results: {} }, /results is not an array/],
    ];
    for (const [body, message] of cases) {
      const { pool, client } = mockQac();
      pool
        .intercept({ path: (p) => p.startsWith(runsPath), method: "GET" })
        .reply(200, typeof body === "string" ? body : JSON.stringify(body));
      const error = await rejection(client.testRuns.list(P));
      expect(error).toBeInstanceOf(QacError);
      expect(error).toMatchObject({ code: "CORE_INVALID_RESPONSE", path: expect.stringContaining(runsPath) });
      expect((error as Error).message).toMatch(message);
    }
  });

  it("refuses a body larger than maxResponseBytes with CORE_INVALID_RESPONSE, declared or streamed", async () => {
    const { pool, client } = mockQac({ maxResponseBytes: 1000 });
    const big = run(7, { test_set_name: "x".repeat(2000) });
    pool.intercept({ path: `${API}/v2/projects/1001/testruns/7`, method: "GET" }).reply(200, big);
    pool
      .intercept({ path: `${API}/v2/projects/1001/testruns/8`, method: "GET" })
      .reply(200, JSON.stringify(run(8, { test_set_name: "x".repeat(2000) })), {
        headers: { "transfer-encoding": "chunked" },
      });
    pool.intercept({ path: `${API}/v2/projects/1001/testruns/9`, method: "GET" }).reply(200, run(9));
    for (const id of [7, 8]) {
      expect(await rejection(client.testRuns.get(toProjectId(1001), toTestRunId(id)))).toMatchObject({
        code: "CORE_INVALID_RESPONSE",
        status: 200,
        message:
          `GET /rest-api/service/api/v2/projects/1001/testruns/${id} returned a body larger than 1000 bytes ` +
          `(option \`maxResponseBytes\`).`,
      });
    }
    await expect(client.testRuns.get(toProjectId(1001), toTestRunId(9))).resolves.toMatchObject({ id: 9 });
  });

  it("accepts project ids as strings of digits", async () => {
    const { pool, client } = mockQac();
    pool
      .intercept({ path: `${API}/v1/projects/1001`, method: "GET" })
      .reply(200, { id: "1001", proj_name: "Web Shop", dept_id: "3" }, json);
    await expect(client.projects.get(P)).resolves.toMatchObject({ id: "1001", proj_name: "Web Shop" });
  });

  it("sends the filter URL-encoded with %20 and %27", async () => {
    const { pool, client } = mockQac();
    let path = "";
    pool
      .intercept({ path: (p) => ((path = p), p.startsWith(runsPath)), method: "GET" })
      .reply(200, envelope([], 0), json);
    await client.testRuns.list(P, { filter: "(Title = 'a b')", limit: 10 });
    expect(path).toBe(`${runsPath}?offset=0&limit=10&Filter=%28Title%20%3D%20%27a%20b%27%29`);
  });

  it("counts calls per route", async () => {
    const { pool, client } = mockQac();
    pool.intercept({ path: runPath, method: "GET" }).reply(200, run(7), json).times(2);
    pool.intercept({ path: `${runPath}/items/3`, method: "PATCH" }).reply(200, "");
    await client.testRuns.get(P, toTestRunId(7));
    await client.testRuns.get(P, toTestRunId(7));
    await expect(
      client.testRuns.items.patch(P, toTestRunId(7), 3 as never, { StatusCode: "Passed" }),
    ).resolves.toBeUndefined();
    expect(client.stats()).toEqual({
      total: 3,
      byRoute: {
        "GET /api/v2/projects/{ProjectId}/testruns/{Id}": 2,
        "PATCH /api/v2/projects/{ProjectId}/testruns/{Id}/items/{ItemId}": 1,
      },
    });
    client.resetStats();
    expect(client.callCount()).toBe(0);
  });

  it("rejects bad arguments before any call", async () => {
    const { client } = mockQac();
    await expect(rejection(client.testRuns.get(P, 0 as never))).resolves.toMatchObject({
      code: "CORE_INVALID_ARGUMENT",
    });
    await expect(rejection(client.testRuns.create(P, {} as never))).resolves.toMatchObject({
      code: "CORE_INVALID_ARGUMENT",
    });
    await expect(rejection(client.testRuns.list(P, { limit: -1 }))).resolves.toMatchObject({
      code: "CORE_INVALID_ARGUMENT",
    });
    expect(client.callCount()).toBe(0);
  });
});

describe("typing", () => {
  it("infers params and response from the endpoint key and keeps ids apart", async () => {
    const { pool, client } = mockQac();
    pool.intercept({ path: runPath, method: "GET" }).reply(200, run(7), json);
    const r = await client.request("GET /api/v2/projects/{ProjectId}/testruns/{Id}", {
      path: { ProjectId: P, Id: toTestRunId(7) },
    });
    expectTypeOf(r.run_time_formated).toEqualTypeOf<string | undefined>();
    expect(r.id).toBe(7);
    // @ts-expect-error a TestId is not a TestRunId
    await rejection(client.testRuns.get(P, toTestId(7)));
    // @ts-expect-error a create needs TestId or TestSetId, not both
    await rejection(client.testRuns.create(P, { TestId: toTestId(1), TestSetId: toTestSetId(2) }));
  });
});

describe("Retry-After as an HTTP date", () => {
  it("is read against the injected wall clock", async () => {
    const { pool, client, sleeps } = mockQac({ wallClock: () => Date.parse("2026-11-28T10:00:00Z") });
    pool
      .intercept({ path: runPath, method: "GET" })
      .reply(429, "", { headers: { "retry-after": "Sat, 28 Nov 2026 10:00:04 GMT" } });
    pool.intercept({ path: runPath, method: "GET" }).reply(200, run(7), json);
    await client.testRuns.get(P, toTestRunId(7));
    expect(sleeps).toEqual([4000]);
  });
});
