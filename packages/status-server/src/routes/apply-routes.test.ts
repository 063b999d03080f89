import { afterEach, describe, expect, it } from "vitest";
import { expectSchema } from "../test-support/expect-schema.js";
import { auth, report, reportRun, testServer } from "../test-support/fixtures.js";

let app = testServer();
afterEach(async () => {
  await app.close();
  app = testServer();
});
const post = (body: unknown, headers: Record<string, string> = auth()) =>
  app.inject({ method: "POST", url: "/api/v1/applies", headers, payload: body as object });

describe("POST /api/v1/applies", () => {
  it("stores a report and returns it by id, as sent, with id and receivedAt", async () => {
    const sent = report();
    const created = await post(sent);
    expect(created.statusCode).toBe(201);
    expectSchema("apply-created", created.json());
    const one = await app.inject(`/api/v1/applies/${created.json().id}`);
    expect(one.statusCode).toBe(200);
    expectSchema("stored-apply", one.json());
    expect(one.json()).toEqual({ ...sent, id: created.json().id, receivedAt: expect.any(String) });
  });

  it("refuses a write without the token, or with a wrong one, without echoing it", async () => {
    const none = await post(report(), {});
    expect(none.statusCode).toBe(401);
    expect(none.headers["www-authenticate"]).toContain("Bearer");
    const wrong = await post(report(), auth("not-the-token-but-long-enough"));
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toContain("not-the-token");
    expect((await app.inject("/api/v1/applies")).json().total).toBe(0);
  });

  it("checks the token before it looks at the body, so strangers learn nothing about the schema", async () => {
    const answer = await post({ nonsense: true }, {});
    expect(answer.statusCode).toBe(401);
    expect(answer.body).not.toContain("required property");
  });

  it("rejects a report that breaks the schema with every problem and where it is", async () => {
    const bad = report({ runs: [reportRun({ runId: "x" as unknown as number, kind: "suite" as "test" })] });
    const answer = await post(bad);
    expect(answer.statusCode).toBe(400);
    expectSchema("error", answer.json());
    expect(answer.json().error.code).toBe("STATUS_VALIDATION");
    expect(answer.json().error.message).toMatch(/body\/runs\/0\/kind/);
    expect(answer.json().error.message).toMatch(/body\/runs\/0\/runId/);
  });

  it("answers 413 to a body over the limit", async () => {
    await app.close();
    app = testServer({ bodyLimit: 2000 });
    const big = report({
      runs: Array.from({ length: 30 }, (_, i) => reportRun({ identity: `run-${i}`, runId: i + 1 })),
    });
    const answer = await post(big);
    expect(answer.statusCode).toBe(413);
    expect(answer.json().error.code).toBe("STATUS_BODY_TOO_LARGE");
  });

  it("rate-limits writes per client", async () => {
    await app.close();
    app = testServer({ rateLimit: { max: 2, windowMs: 60_000 } });
    expect((await post(report())).statusCode).toBe(201);
    expect((await post(report())).statusCode).toBe(201);
    const third = await post(report());
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe("STATUS_RATE_LIMITED");
    expect((await app.inject("/api/v1/plans")).statusCode).toBe(200);
  });
});

describe("GET /api/v1/applies", () => {
  it("lists newest first, by plan, with paging and a total", async () => {
    for (const name of ["a", "b", "a", "a"]) await post(report({ plan: { name, file: `${name}.yaml` } }));
    const page = await app.inject("/api/v1/applies?plan=a&limit=2&offset=1");
    expectSchema("apply-list", page.json());
    expect(page.json().total).toBe(3);
    expect(page.json().applies.map((a: { id: number }) => a.id)).toEqual([3, 1]);
    expect(page.json().applies[0]).toMatchObject({
      plan: { name: "a" },
      ci: { provider: "github", commit: "0123456789abcdef0123" },
      summary: { created: 1 },
    });
  });

  it("answers 400 for a bad query and 404 for an unknown apply", async () => {
    const bad = await app.inject("/api/v1/applies?limit=0&color=red");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("querystring");
    const missing = await app.inject("/api/v1/applies/99");
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("STATUS_NOT_FOUND");
  });
});
