import { createClient, toHostId, toProjectId, toTestId } from "@qac/core";
import { startSimulator } from "@qac/simulator";
import { describe, expect, it } from "vitest";
import { ADMIN, TOKEN, auth, report, reportRun, testServer } from "../test-support/fixtures.js";

const PASSWORD = "demo";
const lineOf = (text: string) => JSON.parse(text) as Record<string, unknown>;

describe("server log", () => {
  it("writes one JSON line per request and one per poll round, with no token or password in them", async () => {
    const sim = await startSimulator({ clock: "virtual" });
    const client = createClient({ baseUrl: sim.url, username: "demo@qac.example", password: PASSWORD, retry: false });
    const lines: string[] = [];
    const app = testServer({
      qac: { client },
      poller: { autoStart: false },
      now: () => sim.clock.now(),
      logger: { level: "info", stream: { write: (line) => void lines.push(line) } },
    });
    const run = await client.testRuns.create(toProjectId(1001), {
      TestId: toTestId(3101),
      RunByHostId: toHostId(101),
      ForceNewRunCreation: true,
    });
    const runs = [reportRun({ runId: Number(run.id), status: "Awaiting Run" })];
    await app.inject({ method: "POST", url: "/api/v1/applies", headers: auth(), payload: report({ runs }) });
    const basic = `Basic ${Buffer.from(`anyone:${TOKEN}`).toString("base64")}`;
    await app.inject({ url: "/api/v1/runs?plan=nightly", headers: { authorization: basic } });
    await app.inject({ method: "DELETE", url: "/api/v1/leases/x?force=true", headers: auth("guessed-0123456789abc") });
    await app.qacStatus.poller!.pollOnce();
    await app.close();
    await client.close();
    await sim.close();

    const logged = lines.map(lineOf);
    const requests = logged.filter((l) => l["msg"] === "request");
    expect(requests.map((l) => [l["method"], l["path"], l["route"], l["statusCode"]])).toEqual([
      ["POST", "/api/v1/applies", "/api/v1/applies", 201],
      ["GET", "/api/v1/runs", "/api/v1/runs", 200],
      ["DELETE", "/api/v1/leases/x", "/api/v1/leases/:id", 401],
    ]);
    expect(requests[0]).toMatchObject({ level: 30, reqId: expect.any(String), responseTimeMs: expect.any(Number) });
    expect(logged.filter((l) => l["msg"] === "poll round")).toEqual([
      expect.objectContaining({ level: 30, runs: 1, calls: 1, changed: 0, error: null, nextPollInMs: 5000 }),
    ]);
    const text = lines.join("");
    for (const secret of [TOKEN, ADMIN, "guessed-0123456789abc", basic.slice(6), `:${PASSWORD}"`, "authorization"])
      expect(text).not.toContain(secret);
  });

  it("logs a failed poll round as a warning without the QAComplete password, and obeys the level", async () => {
    const sim = await startSimulator({ clock: "virtual" });
    const password = "not-the-password-5f2c9a";
    const client = createClient({ baseUrl: sim.url, username: "demo@qac.example", password, retry: false });
    const lines: string[] = [];
    const app = testServer({
      qac: { client },
      poller: { autoStart: false },
      logger: { level: "warn", stream: { write: (line) => void lines.push(line) } },
    });
    await app.inject({
      method: "POST",
      url: "/api/v1/applies",
      headers: auth(),
      payload: report({ runs: [reportRun({ runId: 77, status: "Awaiting Run" })] }),
    });
    await app.qacStatus.poller!.pollOnce();
    await app.close();
    await client.close();
    await sim.close();
    const logged = lines.map(lineOf);
    expect(logged).toEqual([
      expect.objectContaining({ level: 40, msg: "poll round failed", runs: 1, error: expect.stringMatching(/^CORE_/) }),
    ]);
    expect(lines.join("")).not.toContain(password);
    expect(lines.join("")).not.toContain(Buffer.from(`demo@qac.example:${password}`).toString("base64"));
  });

  it("logs an event stream as one request line when the page closes it", async () => {
    const lines: string[] = [];
    const app = testServer({ logger: { stream: { write: (line) => void lines.push(line) } } });
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    const page = new AbortController();
    await fetch(`${url}/events`, { signal: page.signal });
    await expect.poll(() => app.qacStatus.events.size(), { timeout: 5000 }).toBe(1);
    page.abort();
    await expect.poll(() => app.qacStatus.events.size(), { timeout: 5000 }).toBe(0);
    await app.close();
    expect(lines.map(lineOf).filter((l) => l["msg"] === "request")).toEqual([
      expect.objectContaining({ method: "GET", path: "/events", route: "/events", statusCode: 200 }),
    ]);
  });
});
