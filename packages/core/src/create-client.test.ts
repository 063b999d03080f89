import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { errors } from "undici";
import { API, mockQac, PASSWORD, rejection, TOKEN } from "./test-support/mock-qac.js";
import { createClient } from "./create-client.js";
import { toProjectId, toTestId } from "./ids.js";

const leaks = (text: string): boolean => text.includes(PASSWORD) || text.includes(TOKEN);

describe("secrets", () => {
  it("keeps the password out of util.inspect and JSON.stringify of the client", () => {
    const { client } = mockQac();
    expect(leaks(inspect(client, { depth: 10, showHidden: true }))).toBe(false);
    expect(leaks(JSON.stringify(client))).toBe(false);
    expect(JSON.parse(JSON.stringify(client))).toMatchObject({
      baseUrl: "http://qac.test/rest-api/service",
      username: "demo@qac.example",
    });
  });

  it("keeps credentials out of errors, their JSON, inspect output and log events", async () => {
    const { pool, client, logs } = mockQac();
    // A hostile server that echoes the Authorization header back.
    pool.intercept({ path: `${API}/v2/projects/1001/testruns`, method: "POST" }).reply(500, (o) => ({
      Message: `bad ${String((o.headers as Record<string, string>).authorization)} ${PASSWORD}`,
    }));
    pool
      .intercept({ path: `${API}/v2/projects/1001/testruns/1`, method: "GET" })
      .replyWithError(new errors.SocketError("other side closed"))
      .times(4);
    const produced = [
      await rejection(client.testRuns.create(toProjectId(1001), { TestId: toTestId(5) })),
      await rejection(client.testRuns.get(toProjectId(1001), 1 as never)),
    ];
    for (const error of produced) {
      expect(leaks(JSON.stringify(error))).toBe(false);
      expect(leaks(inspect(error, { depth: 10, showHidden: true }))).toBe(false);
      expect(leaks(String((error as Error).stack))).toBe(false);
    }
    expect((produced[0] as { serverMessage: string }).serverMessage).toBe("bad Basic [redacted] [redacted]");
    expect(leaks(JSON.stringify(logs))).toBe(false);
    expect(Object.keys(logs[0]!).sort()).toEqual([
      "attempt",
      "durationMs",
      "errorCode",
      "method",
      "path",
      "requestId",
      "route",
      "status",
    ]);
  });

  it("keeps credentials out of an invalid-response error that quotes the body", async () => {
    const { pool, client } = mockQac({ retry: false });
    // A proxy's debug page answering 200 with the request headers in plain text.
    pool
      .intercept({ path: `${API}/v1/projects/1001`, method: "GET" })
      .reply(200, (o) => `Authorization: ${String((o.headers as Record<string, string>).authorization)}`);
    const error = await rejection(client.projects.get(toProjectId(1001)));
    expect(error).toMatchObject({ code: "CORE_INVALID_RESPONSE" });
    expect((error as Error).message).toContain('(starts with "Authorization: Basic [redacted]")');
    expect(leaks(inspect(error, { depth: 10, showHidden: true }))).toBe(false);
    expect(leaks(JSON.stringify(error))).toBe(false);
  });

  it("scrubs credentials a dispatcher quotes in its own error message", async () => {
    const { pool, client } = mockQac({ retry: false });
    pool
      .intercept({ path: `${API}/v1/projects/1001`, method: "GET", headers: { authorization: "Basic other" } })
      .reply(200, {});
    const error = await rejection(client.projects.get(toProjectId(1001)));
    expect(error).toMatchObject({ code: "CORE_NETWORK" });
    expect((error as Error).message).toContain("[redacted]");
    expect(leaks(inspect(error, { depth: 10, showHidden: true }))).toBe(false);
    expect(leaks(JSON.stringify(error))).toBe(false);
  });

  it("does not echo the password in a config error", () => {
    expect(() => createClient({ baseUrl: "ftp://x", username: "a@b", password: PASSWORD })).toThrow(
      expect.objectContaining({ code: "CORE_CONFIG" }),
    );
    try {
      createClient({ baseUrl: "ftp://x", username: "a@b", password: PASSWORD });
    } catch (error) {
      expect(leaks(inspect(error))).toBe(false);
    }
  });
});

describe("hosts.findByName", () => {
  it("finds a host by name via automation v2 with user credentials", async () => {
    const { pool, client } = mockQac();
    pool
      .intercept({ path: "/rest-api/service/automation/v2/hosts?name=LAB%2001", method: "GET" })
      .reply(200, { id: 143, host_name: "LAB 01", is_active: true });
    await expect(client.hosts.findByName("LAB 01")).resolves.toMatchObject({ id: 143 });
  });

  it("picks the exact name from a list and returns null when absent or 404", async () => {
    const { pool, client } = mockQac();
    pool.intercept({ path: (p) => p.includes("name=lab"), method: "GET" }).reply(200, [
      { id: 1, host_name: "LAB-2" },
      { id: 2, host_name: "Lab" },
    ]);
    pool
      .intercept({ path: (p) => p.includes("name=gone"), method: "GET" })
      .reply(404, { Message: "File or directory not found" });
    await expect(client.hosts.findByName("lab")).resolves.toMatchObject({ id: 2 });
    await expect(client.hosts.findByName("gone")).resolves.toBeNull();
  });
});

describe("close", () => {
  it("closes its own pool and leaves a passed-in dispatcher open", async () => {
    const own = createClient({ baseUrl: "http://127.0.0.1:9", username: "a@b", password: "p" });
    await own.close();
    await own.close();
    const { client, pool } = mockQac();
    await client.close();
    pool
      .intercept({ path: `${API}/v1/projects/1001`, method: "GET" })
      .reply(200, { id: "1001", proj_name: "Web Shop" });
    await expect(client.projects.get(toProjectId(1001))).resolves.toMatchObject({ proj_name: "Web Shop" });
  });
});
