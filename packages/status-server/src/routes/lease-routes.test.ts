import { afterEach, describe, expect, it } from "vitest";
import { ADMIN, TOKEN, auth, testServer } from "../test-support/fixtures.js";

let clock = new Date("2026-12-01T09:00:00Z");
const advance = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000));
let app = testServer({ now: () => clock });
afterEach(async () => {
  await app.close();
  clock = new Date("2026-12-01T09:00:00Z");
  app = testServer({ now: () => clock });
});

const take = (name: string, ttlSeconds = 60, plan = "nightly") =>
  app.inject({
    method: "POST",
    url: "/api/v1/leases",
    headers: auth(),
    payload: { project: 1001, plan, holder: { name, host: `${name}-host`, pid: 42, ciJob: `job-${name}` }, ttlSeconds },
  });

describe("leases", () => {
  it("gives the lease to the first of two contenders and tells the second who holds it", async () => {
    const [first, second] = await Promise.all([take("alpha"), take("beta")]);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      project: 1001,
      plan: "nightly",
      holder: { name: "alpha" },
      acquiredAt: "2026-12-01T09:00:00.000Z",
      expiresAt: "2026-12-01T09:01:00.000Z",
    });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({
      error: { code: "STATUS_LEASE_HELD" },
      lease: { id: first.json().id, holder: { name: "alpha", ciJob: "job-alpha" } },
    });
    expect(second.json().error.message).toContain("alpha on alpha-host (job job-alpha) until 2026-12-01T09:01:00.000Z");
  });

  it("leases different plans of a project independently", async () => {
    expect((await take("alpha", 60, "nightly")).statusCode).toBe(201);
    expect((await take("beta", 60, "smoke")).statusCode).toBe(201);
  });

  it("hands a lease over at once when the requester on the holder's host says its process is gone", async () => {
    const held = (await take("alpha")).json<{ id: string }>();
    const takeOver = (host: string, replaces: string) =>
      app.inject({
        method: "POST",
        url: "/api/v1/leases",
        headers: auth(),
        payload: { project: 1001, plan: "nightly", holder: { name: "next", host, pid: 7 }, ttlSeconds: 60, replaces },
      });
    // From another machine the claim cannot be true, and a stale id replaces nothing.
    expect((await takeOver("beta-host", held.id)).statusCode).toBe(409);
    expect((await takeOver("alpha-host", "some-old-lease")).statusCode).toBe(409);
    const next = await takeOver("alpha-host", held.id);
    expect(next.statusCode).toBe(201);
    expect(next.json()).toMatchObject({ holder: { name: "next" } });
  });

  it("lets a lease whose holder died expire by itself so the next apply gets it", async () => {
    await take("alpha", 30);
    advance(29);
    expect((await take("beta")).statusCode).toBe(409);
    advance(1);
    const next = await take("beta");
    expect(next.statusCode).toBe(201);
    expect(next.json().holder.name).toBe("beta");
  });

  it("keeps a renewed lease alive past its first expiry and refuses a renewal after expiry with 410", async () => {
    const { id } = (await take("alpha", 30)).json();
    advance(20);
    const renewed = await app.inject({
      method: "PUT",
      url: `/api/v1/leases/${id}`,
      headers: auth(),
      payload: { ttlSeconds: 30 },
    });
    expect(renewed.statusCode).toBe(200);
    expect(renewed.json().expiresAt).toBe("2026-12-01T09:00:50.000Z");
    advance(25);
    expect((await take("beta")).statusCode).toBe(409);
    advance(10);
    const late = await app.inject({
      method: "PUT",
      url: `/api/v1/leases/${id}`,
      headers: auth(),
      payload: { ttlSeconds: 30 },
    });
    expect(late.statusCode).toBe(410);
    expect(late.json().error.code).toBe("STATUS_LEASE_GONE");
    const unknown = await app.inject({
      method: "PUT",
      url: "/api/v1/leases/nope",
      headers: auth(),
      payload: { ttlSeconds: 30 },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("frees the lease when its holder releases it", async () => {
    const { id } = (await take("alpha")).json();
    const released = await app.inject({ method: "DELETE", url: `/api/v1/leases/${id}`, headers: auth() });
    expect(released.statusCode).toBe(204);
    expect((await take("beta")).statusCode).toBe(201);
  });

  it("lists only live leases", async () => {
    await take("alpha", 30, "nightly");
    await take("beta", 90, "smoke");
    advance(60);
    const list = await app.inject("/api/v1/leases");
    expect(list.json().leases.map((l: { holder: { name: string } }) => l.holder.name)).toEqual(["beta"]);
  });

  it("breaks a lease only with the admin token", async () => {
    const { id } = (await take("alpha")).json();
    const none = await app.inject({ method: "DELETE", url: `/api/v1/leases/${id}?force=true` });
    expect(none.statusCode).toBe(401);
    const writer = await app.inject({ method: "DELETE", url: `/api/v1/leases/${id}?force=true`, headers: auth(TOKEN) });
    expect(writer.statusCode).toBe(403);
    expect((await take("beta")).statusCode).toBe(409);
    const admin = await app.inject({ method: "DELETE", url: `/api/v1/leases/${id}?force=true`, headers: auth(ADMIN) });
    expect(admin.statusCode).toBe(204);
    expect(
      (await app.inject({ method: "PUT", url: `/api/v1/leases/${id}`, headers: auth(), payload: { ttlSeconds: 30 } }))
        .statusCode,
    ).toBe(410);
    expect((await take("beta")).statusCode).toBe(201);
  });

  it("refuses lease operations without the bearer token and bad requests with a message naming the field", async () => {
    const anonymous = await app.inject({
      method: "POST",
      url: "/api/v1/leases",
      payload: { project: 1001, plan: "p", holder: { name: "x" }, ttlSeconds: 60 },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe("STATUS_UNAUTHORIZED");
    const bad = await app.inject({
      method: "POST",
      url: "/api/v1/leases",
      headers: auth(),
      payload: { project: 1001, plan: "p", holder: {}, ttlSeconds: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("body/holder must have required property 'name'");
    expect(bad.json().error.message).toContain("body/ttlSeconds must be >= 5");
  });
});
