import { RETRY_DEFAULTS } from "@qac/core";
import { hostname } from "node:os";
import { describe, expect, it, vi } from "vitest";
import { isRunnerError } from "../errors.js";
import { createStatusClient } from "./create-status-client.js";
import { createStatusLeaseProvider } from "./status-lease-provider.js";

/** A scripted status server: answers from a queue and records what was sent. */
function scripted(answers: { status: number; body?: unknown }[]) {
  const sent: { method: string; url: string; auth: string | null; body: unknown }[] = [];
  const fetchFn = (url: string, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    sent.push({
      method: init?.method ?? "GET",
      url,
      auth: headers.get("authorization"),
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
    });
    const next = answers.shift() ?? { status: 500, body: { error: { code: "X", message: "no answer scripted" } } };
    return Promise.resolve(
      new Response(next.body === undefined ? null : JSON.stringify(next.body), { status: next.status }),
    );
  };
  return { sent, fetch: fetchFn as unknown as typeof fetch };
}

describe("createStatusClient", () => {
  it("reads and records the --once-per ledger as the contract says, with the bearer token", async () => {
    const s = scripted([
      { status: 200, body: { entries: [{ identity: "a", runId: 5, recordedAt: "x" }] } },
      { status: 200, body: { recorded: 1 } },
    ]);
    const client = createStatusClient({ url: "http://status.test/", token: "tok-123", fetch: s.fetch });
    expect(await client.ledger.read(1001, "sha/1")).toEqual({ a: { runId: 5, intentAt: null } });
    await client.ledger.record(1001, "sha/1", [{ identity: "b", runId: 6 }]);
    expect(s.sent).toEqual([
      {
        method: "GET",
        url: "http://status.test/api/v1/ledger/sha%2F1?project=1001",
        auth: "Bearer tok-123",
        body: undefined,
      },
      {
        method: "POST",
        url: "http://status.test/api/v1/ledger/sha%2F1",
        auth: "Bearer tok-123",
        body: { project: 1001, entries: [{ identity: "b", runId: 6 }] },
      },
    ]);
  });

  it("turns a ledger 409 into RUNNER_LEDGER_CONFLICT, other failures into RUNNER_STATUS_SERVER, no token", async () => {
    const s = scripted([
      { status: 409, body: { error: { code: "LEDGER_CONFLICT", message: "a is run 5" } } },
      { status: 401, body: { error: { code: "AUTH", message: "bad token" } } },
    ]);
    const client = createStatusClient({ url: "http://status.test", token: "tok-secret", fetch: s.fetch });
    const conflict = await client.ledger.record(1, "x", [{ identity: "a", runId: 6 }]).catch((e: unknown) => e);
    expect(isRunnerError(conflict, "RUNNER_LEDGER_CONFLICT")).toBe(true);
    const denied = await client.postApply({}).catch((e: unknown) => e);
    expect(isRunnerError(denied, "RUNNER_STATUS_SERVER")).toBe(true);
    expect((denied as Error).message).toBe("POST http://status.test/api/v1/applies answered 401: bad token");
    expect(JSON.stringify(denied) + String(denied)).not.toContain("tok-secret");
  });

  it("acquires a lease after waiting for the holder, renews and releases it", async () => {
    const lease = {
      id: "L1",
      project: 1001,
      plan: "smoke",
      holder: { name: "job 1" },
      acquiredAt: "t",
      expiresAt: "t2",
    };
    const s = scripted([
      { status: 409, body: { error: { code: "STATUS_LEASE_HELD", message: "held" }, lease: { ...lease, id: "L0" } } },
      { status: 201, body: lease },
      { status: 204 },
    ]);
    const client = createStatusClient({ url: "http://status.test", token: "t", fetch: s.fetch });
    const waited: string[] = [];
    const held = await createStatusLeaseProvider(client, {
      pollMs: 1,
      sleep: () => Promise.resolve(),
      holder: { name: "me" },
    }).acquire(
      { projectId: 1001, plan: "smoke" },
      { timeoutMs: 10_000, onWait: (h) => void waited.push(h?.name ?? "") },
    );
    expect(waited).toEqual(["job 1"]);
    expect(s.sent[0]).toMatchObject({
      method: "POST",
      url: "http://status.test/api/v1/leases",
      // One lease per project ("*"): two plans sharing runs never create them at once.
      body: { project: 1001, plan: "*", holder: { name: "me", plan: "smoke" }, ttlSeconds: 120 },
    });
    await held.release();
    expect(s.sent[2]).toMatchObject({ method: "DELETE", url: "http://status.test/api/v1/leases/L1" });
  });

  it("counts a lease as lost once renewals failed for most of its TTL (the server may give it away)", async () => {
    const lease = { id: "L1", project: 1001, plan: "smoke", holder: { name: "me" }, acquiredAt: "t", expiresAt: "t2" };
    const s = scripted([{ status: 201, body: lease }]);
    const client = createStatusClient({ url: "http://status.test", fetch: s.fetch });
    let now = 0;
    const held = await createStatusLeaseProvider(client, { now: () => now }).acquire(
      { projectId: 1001, plan: "smoke" },
      { timeoutMs: 1000 },
    );
    now = 60_000; // no renewal got through for half the TTL of 120 s: still held
    expect(held.lost()).toBe(false);
    now = 91_000; // three quarters of it: stop creating
    expect(held.lost()).toBe(true);
    // The server is gone: the release fails, and says so (the lease expires by itself).
    const released = await held.release().catch((e: unknown) => e);
    expect(isRunnerError(released, "RUNNER_STATUS_SERVER")).toBe(true);
    expect((released as Error).message).toContain("it expires by itself within 120 s");
  });

  it("takes over at once a lease whose holder ran on this machine and whose process is gone", async () => {
    const dead = { name: "qac apply", host: hostname(), pid: 99_999_999 }; // above the kernel's PID limit
    const lease = { id: "L0", project: 1001, plan: "*", holder: dead, acquiredAt: "t", expiresAt: "t2" };
    const s = scripted([
      { status: 409, body: { error: { code: "STATUS_LEASE_HELD", message: "held" }, lease } },
      { status: 201, body: { ...lease, id: "L1", holder: { name: "me" } } },
    ]);
    const client = createStatusClient({ url: "http://status.test", fetch: s.fetch });
    const waited: unknown[] = [];
    await createStatusLeaseProvider(client, { holder: { name: "me", host: hostname(), pid: process.pid } }).acquire(
      { projectId: 1001, plan: "smoke" },
      { timeoutMs: 1000, onWait: (h) => void waited.push(h) },
    );
    expect(waited).toEqual([]);
    expect(s.sent[1]).toMatchObject({ body: { replaces: "L0" } });
  });

  it("keeps waiting for the lease when the server rate-limits the tries (429) instead of failing", async () => {
    const lease = { id: "L1", project: 1001, plan: "smoke", holder: { name: "me" }, acquiredAt: "t", expiresAt: "t2" };
    const limited = { status: 429, body: { error: { code: "STATUS_RATE_LIMITED", message: "Too many writes" } } };
    const s = scripted([
      { status: 409, body: { lease: { ...lease, id: "L0", holder: { name: "job 1" } } } },
      limited,
      limited,
      { status: 201, body: lease },
      { status: 204 },
    ]);
    const client = createStatusClient({ url: "http://status.test", token: "t", fetch: s.fetch });
    const held = await createStatusLeaseProvider(client, { pollMs: 1, sleep: () => Promise.resolve() }).acquire(
      { projectId: 1001, plan: "smoke" },
      { timeoutMs: 10_000 },
    );
    expect(s.sent.filter((r) => r.method === "POST")).toHaveLength(4);
    await held.release();
  });

  it("names the holder last seen when rate-limited tries run into the deadline", async () => {
    const s = scripted([
      {
        status: 409,
        body: {
          lease: { id: "L0", project: 1, plan: "p", holder: { name: "nightly" }, acquiredAt: "a", expiresAt: "b" },
        },
      },
      { status: 429, body: { error: { code: "STATUS_RATE_LIMITED", message: "slow down" } } },
    ]);
    const client = createStatusClient({ url: "http://status.test", fetch: s.fetch });
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const sleep = (ms: number) => Promise.resolve(void vi.setSystemTime(Date.now() + ms));
      const error = await createStatusLeaseProvider(client, { pollMs: 1000, sleep })
        .acquire({ projectId: 1, plan: "p" }, { timeoutMs: 1000 })
        .catch((e: unknown) => e);
      expect(s.sent).toHaveLength(2);
      expect(isRunnerError(error, "RUNNER_LEASE_TIMEOUT")).toBe(true);
      expect((error as Error).message).toContain("held by nightly until b");
    } finally {
      vi.useRealTimers();
    }
  });

  it("gives up on a held lease at the deadline, naming the holder", async () => {
    const s = scripted([
      {
        status: 409,
        body: {
          lease: {
            id: "L0",
            project: 1,
            plan: "p",
            holder: { name: "nightly", ciJob: "42" },
            acquiredAt: "a",
            expiresAt: "b",
          },
        },
      },
    ]);
    const client = createStatusClient({ url: "http://status.test", fetch: s.fetch });
    const error = await createStatusLeaseProvider(client)
      .acquire({ projectId: 1, plan: "p" }, { timeoutMs: 0 })
      .catch((e: unknown) => e);
    expect(isRunnerError(error, "RUNNER_LEASE_TIMEOUT")).toBe(true);
    expect((error as Error).message).toContain("held by nightly, job 42 until b");
  });

  it('says the connection was refused, not just "fetch failed", when no server listens', async () => {
    const refused = (() =>
      Promise.reject(
        new TypeError("fetch failed", {
          cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:8790"), { code: "ECONNREFUSED" }),
        }),
      )) as unknown as typeof fetch;
    const waits: number[] = [];
    const client = createStatusClient({
      url: "http://127.0.0.1:8790",
      token: "tok-secret",
      fetch: refused,
      retry: { sleep: (ms) => (waits.push(ms), Promise.resolve()) },
    });
    const error = await client.postApply({}).catch((e: unknown) => e);
    expect(isRunnerError(error, "RUNNER_STATUS_SERVER")).toBe(true);
    expect((error as Error).message).toBe(
      "POST http://127.0.0.1:8790/api/v1/applies failed: connection refused (ECONNREFUSED); is the status server " +
        "(qac serve) running at this address?",
    );
    // Refused before anything was sent: tried the documented number of times (core's RETRY_DEFAULTS).
    expect(waits).toHaveLength(RETRY_DEFAULTS.maxAttempts - 1);
  });

  it("waits out 429s and a server that is briefly down, then records: a restart loses no record", async () => {
    const s = scripted([
      { status: 503, body: { error: { code: "x", message: "restarting" } } },
      { status: 429, body: { error: { code: "STATUS_RATE_LIMITED", message: "slow down" } } },
      { status: 200, body: { recorded: 1 } },
    ]);
    const client = createStatusClient({
      url: "http://status.test",
      fetch: s.fetch,
      retry: { sleep: () => Promise.resolve() },
    });
    await client.ledger.record(1001, "sha", [{ identity: "a", runId: 5 }]);
    expect(s.sent).toHaveLength(3);
  });

  it("never sends an apply report twice after a lost answer (not idempotent)", async () => {
    const s = scripted([{ status: 503, body: { error: { code: "x", message: "down" } } }]);
    const client = createStatusClient({
      url: "http://status.test",
      fetch: s.fetch,
      retry: { sleep: () => Promise.resolve() },
    });
    expect(isRunnerError(await client.postApply({}).catch((e: unknown) => e), "RUNNER_STATUS_SERVER")).toBe(true);
    expect(s.sent).toHaveLength(1);
  });

  it("rejects a status URL that is not a URL", () => {
    expect(() => createStatusClient({ url: "not a url" })).toThrow(/--status-url "not a url" is not a URL/);
  });
});
