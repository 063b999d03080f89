import { describe, expect, it } from "vitest";
import { createServerClock } from "./server-clock.js";

describe("the server's clock", () => {
  it("knows nothing before an answer, then runs on from the last Date header with the local clock", () => {
    const clock = createServerClock();
    expect(clock.now(1000)).toBeNull();
    clock.observe("Thu, 03 Dec 2026 10:00:05 GMT", 1000);
    expect(clock.now(1000)?.toISOString()).toBe("2026-12-03T10:00:05.000Z");
    expect(clock.now(3500)?.toISOString()).toBe("2026-12-03T10:00:07.500Z");
    // A missing or unreadable header changes nothing.
    clock.observe("soon", 9000);
    clock.observe(undefined, 9000);
    expect(clock.now(3500)?.toISOString()).toBe("2026-12-03T10:00:07.500Z");
  });

  it("is what a client reports after its first answer", async () => {
    const { mockQac, API, envelope } = await import("./test-support/mock-qac.js");
    const { pool, client } = mockQac();
    expect(client.serverNow()).toBeNull();
    pool.intercept({ path: `${API}/v1/projects?offset=0&limit=500`, method: "GET" }).reply(200, envelope([], 0), {
      headers: { "content-type": "application/json", date: "Thu, 03 Dec 2026 10:00:05 GMT" },
    });
    await client.projects.list();
    expect(client.serverNow()!.getTime()).toBeGreaterThanOrEqual(Date.parse("2026-12-03T10:00:05Z"));
  });
});
