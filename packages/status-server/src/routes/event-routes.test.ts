import { get, type IncomingMessage } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { TOKEN, report, testServer } from "../test-support/fixtures.js";

let app = testServer();
afterEach(async () => {
  await app.close();
  app = testServer();
});

/** Reads the event stream until `until` shows up. */
async function readUntil(body: ReadableStream<Uint8Array>, until: string): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!text.includes(until)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  await reader.cancel();
  return text;
}

/** Opens `/events` from a given loopback source address (each is another client to the server). */
function openStream(url: string, localAddress: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => get(`${url}/events`, { localAddress }, resolve).on("error", reject));
}

/** The JSON body of a refused stream. */
async function jsonOf(res: IncomingMessage): Promise<unknown> {
  let text = "";
  for await (const chunk of res) text += String(chunk);
  return JSON.parse(text);
}

describe("GET /events", () => {
  it("pushes a new apply and lease changes to listeners as server-sent events", async () => {
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    const stream = await fetch(`${url}/events`);
    expect(stream.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    await expect.poll(() => app.qacStatus.events.size(), { timeout: 5000 }).toBe(1);
    const headers = { authorization: `Bearer ${TOKEN}` };
    await app.inject({ method: "POST", url: "/api/v1/applies", headers, payload: report() });
    await app.inject({
      method: "POST",
      url: "/api/v1/leases",
      headers,
      payload: { project: 1001, plan: "nightly", holder: { name: "ci" }, ttlSeconds: 60 },
    });
    const text = await readUntil(stream.body!, "event: lease");
    expect(text).toContain('event: apply\ndata: {"id":1,"plan":"nightly"}\n\n');
    expect(text).toMatch(
      /event: lease\ndata: \{"id":"[0-9a-f-]+","project":1001,"plan":"nightly","state":"acquired"\}/,
    );
    await expect.poll(() => app.qacStatus.events.size(), { timeout: 5000 }).toBe(0);
  });

  it("refuses event streams beyond maxEventStreams with 429, and accepts one again when a page closes", async () => {
    await app.close();
    app = testServer({ maxEventStreams: 1 });
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    const first = new AbortController();
    await fetch(`${url}/events`, { signal: first.signal });
    await expect.poll(() => app.qacStatus.events.size(), { timeout: 5000 }).toBe(1);
    const refused = await fetch(`${url}/events`);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("STATUS_RATE_LIMITED");
    first.abort();
    await expect.poll(() => app.qacStatus.events.size(), { timeout: 5000 }).toBe(0);
    const again = await fetch(`${url}/events`);
    expect(again.status).toBe(200);
    await again.body?.cancel();
  });

  it("limits streams per client address, so one client cannot take every stream from the others", async () => {
    await app.close();
    app = testServer({ maxEventStreams: 3, maxEventStreamsPerClient: 2 });
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    const mine = [await openStream(url, "127.0.0.1"), await openStream(url, "127.0.0.1")];
    expect(mine.map((r) => r.statusCode)).toEqual([200, 200]);
    const third = await openStream(url, "127.0.0.1");
    expect(third.statusCode).toBe(429);
    expect(third.headers["retry-after"]).toBe("30");
    expect(await jsonOf(third)).toEqual({
      limit: { scope: "client", max: 2 },
      error: {
        code: "STATUS_RATE_LIMITED",
        message:
          "Too many open event streams from 127.0.0.1 (at most 2 per client address); close other pages of this " +
          "server or retry later. The page works without live updates.",
      },
    });
    // Another client still gets one, until the server as a whole is full.
    const other = await openStream(url, "127.0.0.2");
    expect(other.statusCode).toBe(200);
    const full = await openStream(url, "127.0.0.3");
    expect(full.statusCode).toBe(429);
    expect(await jsonOf(full)).toMatchObject({ limit: { scope: "server", max: 3 } });
    // Closing a page gives its client the slot back.
    mine[0]!.destroy();
    await expect.poll(() => app.qacStatus.events.size(), { timeout: 5000 }).toBe(2);
    const again = await openStream(url, "127.0.0.1");
    expect(again.statusCode).toBe(200);
    for (const res of [mine[1]!, other, again]) res.destroy();
  });

  it("lets the server close while browsers are still listening", async () => {
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    const stream = await fetch(`${url}/events`);
    await expect.poll(() => app.qacStatus.events.size(), { timeout: 5000 }).toBe(1);
    await app.close();
    expect(await stream.text()).toContain("retry: 3000");
  });
});
