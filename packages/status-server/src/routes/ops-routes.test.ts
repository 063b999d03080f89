import { createClient } from "@qac/core";
import { afterEach, describe, expect, it } from "vitest";
import { expectSchema } from "../test-support/expect-schema.js";
import { TOKEN, auth, report, reportRun, testServer } from "../test-support/fixtures.js";

let app = testServer();
afterEach(async () => {
  await app.close();
  app = testServer();
});
const post = (body: unknown) =>
  app.inject({ method: "POST", url: "/api/v1/applies", headers: auth(), payload: body as object });

describe("operations routes", () => {
  it("reports health with the poller off when no QAComplete connection is configured", async () => {
    const health = await app.inject("/healthz");
    expect(health.statusCode).toBe(200);
    expectSchema("health", health.json());
    expect(health.json()).toMatchObject({ status: "ok", store: "ok", poller: { enabled: false } });
  });

  it("exposes Prometheus metrics with runs per plan and status, escaping label values", async () => {
    await post(
      report({ plan: { name: 'say "hi"\\', file: "p.yaml" }, runs: [reportRun({ status: "Passed", runId: 1 })] }),
    );
    await app.inject("/api/v1/plans");
    const metrics = await app.inject("/metrics");
    expect(metrics.headers["content-type"]).toContain("text/plain; version=0.0.4");
    expect(metrics.body).toContain('qac_status_runs{plan="say \\"hi\\"\\\\",status="passed"} 1');
    expect(metrics.body).toContain("qac_status_poller_enabled 0");
    expect(metrics.body).toMatch(
      /qac_status_http_requests_total\{method="GET",route="\/api\/v1\/plans",status="200"\} 1/,
    );
  });

  it("exposes Node.js and process metrics, request durations per route pattern, and every qac metric", async () => {
    await app.close();
    const client = createClient({ baseUrl: "http://127.0.0.1:9", username: "u", password: "p", retry: false });
    app = testServer({ qac: { client }, poller: { autoStart: false } });
    await post(report({ runs: [reportRun({ status: "Failed", runId: 1 })] }));
    await app.inject("/api/v1/applies/1");
    await app.inject("/api/v1/applies/1");
    await app.inject("/api/v1/applies/999");
    const metrics = await app.inject("/metrics");
    await client.close();
    const text = metrics.body;
    expect(metrics.headers["content-type"]).toBe("text/plain; version=0.0.4; charset=utf-8");
    for (const name of [
      "process_cpu_user_seconds_total",
      "process_resident_memory_bytes",
      "nodejs_eventloop_lag_seconds",
      "nodejs_heap_size_used_bytes",
      "qac_status_plans",
      "qac_status_runs",
      "qac_status_poller_enabled",
      "qac_status_poller_lag_seconds",
      "qac_status_poller_unfinished_runs",
      "qac_status_poller_consecutive_failures",
      "qac_status_poller_cycles_total",
      "qac_status_poller_calls_total",
      "qac_status_leases_active",
      "qac_status_sse_clients",
      "qac_status_http_requests_total",
    ])
      expect(text).toMatch(new RegExp(`^# TYPE ${name} `, "m"));
    expect(text).toContain("# TYPE http_request_duration_seconds histogram");
    expect(text).toContain('qac_status_runs{plan="nightly",status="failed"} 1');
    expect(text).toContain("qac_status_poller_enabled 1");
    expect(text).toContain("qac_status_poller_unfinished_runs 0");
    expect(text).toContain("qac_status_poller_cycles_total 0");
    // The route pattern, never the raw URL, so ids do not make a label value each.
    expect(text).toContain(
      'http_request_duration_seconds_count{method="GET",route="/api/v1/applies/:id",status_code="200"} 2',
    );
    expect(text.split("\n")).toContain(
      'http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/api/v1/applies/:id",status_code="404"} 1',
    );
    expect(text).toContain('qac_status_http_requests_total{method="GET",route="/api/v1/applies/:id",status="200"} 2');
    expect(text).not.toContain('/api/v1/applies/1"');
  });

  it("draws a badge per plan whose colour follows failures", async () => {
    await post(
      report({
        plan: { name: "nightly", file: "p.yaml" },
        runs: [reportRun({ status: "Passed", runId: 1 }), reportRun({ identity: "x", status: "Failed", runId: 2 })],
      }),
    );
    const badge = await app.inject("/badge/nightly.svg");
    expect(badge.headers["content-type"]).toBe("image/svg+xml; charset=utf-8");
    expect(badge.body).toContain("nightly: 1 failed, 1 passed");
    expect(badge.body).toContain("#c62828");
    const unknown = await app.inject("/badge/%3Cscript%3E.svg");
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toContain("&lt;script&gt;: no runs");
    expect(unknown.body).not.toContain("<script>");
  });

  it("sends security headers and no-store caching on API answers", async () => {
    const answer = await app.inject("/api/v1/plans");
    expect(answer.headers).toMatchObject({
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "no-referrer",
      "cache-control": "no-store",
    });
    expect(answer.headers["content-security-policy"]).toContain("default-src 'none'");
  });

  it("answers unknown routes with a JSON error that points at /docs", async () => {
    const answer = await app.inject("/nope?token=secret");
    expect(answer.statusCode).toBe(404);
    expect(answer.json().error).toEqual({
      code: "STATUS_NOT_FOUND",
      message: "No route GET /nope; see /docs for the API.",
    });
  });

  it("documents every API route in the OpenAPI document, with the schemas from @qac/schemas", async () => {
    const doc = (await app.inject("/docs/openapi.json")).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/applies",
        "/api/v1/applies/{id}",
        "/api/v1/plans",
        "/api/v1/runs",
        "/api/v1/ledger/{applyIdentity}",
        "/api/v1/leases",
        "/api/v1/leases/{id}",
        "/events",
        "/healthz",
        "/metrics",
      ]),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["LeaseRequest", "PlanList", "ApplyReport"]),
    );
    const page = await app.inject("/docs");
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("/api/v1/leases/{id}");
  });

  it("does not claim live status is off on the API page of a server that polls QAComplete", async () => {
    await app.close();
    const client = createClient({ baseUrl: "http://127.0.0.1:9", username: "u", password: "p", retry: false });
    app = testServer({ qac: { client }, poller: { autoStart: false } });
    const page = (await app.inject("/docs")).body;
    expect(page).toContain("status refreshed");
    expect(page).not.toContain("live status off");
    await client.close();
  });

  describe("with protected reads", () => {
    it("asks for a token on reads (Basic for browsers) and accepts the write token or the read token", async () => {
      await app.close();
      app = testServer({ protectReads: true, readToken: "read-token-0123456789abcdef" });
      const anonymous = await app.inject("/");
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers["www-authenticate"]).toContain("Basic");
      expect((await app.inject({ url: "/api/v1/plans", headers: auth(TOKEN) })).statusCode).toBe(200);
      const basic = `Basic ${Buffer.from("anyone:read-token-0123456789abcdef").toString("base64")}`;
      expect((await app.inject({ url: "/", headers: { authorization: basic } })).statusCode).toBe(200);
      const readerWrites = await app.inject({
        method: "POST",
        url: "/api/v1/applies",
        headers: auth("read-token-0123456789abcdef"),
        payload: report(),
      });
      expect(readerWrites.statusCode).toBe(401);
      expect((await app.inject("/healthz")).statusCode).toBe(200);
    });
  });
});
