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
    expect(await client.ledger.read(1001, "sha/1")).toEqual({ a: 5 });
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

  it("turns a ledger 409 into RUNNER_LEDGER_CONFLICT and other failures into RUNNER_STATUS_SERVER without the token", async () => {
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
      { status: 409, body: { error: { code: "LEASE_HELD", message: "held" }, lease: { ...lease, id: "L0" } } },
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
      body: { project: 1001, plan: "smoke", holder: { name: "me" }, ttlSeconds: 120 },
    });
    await held.release();
    expect(s.sent[2]).toMatchObject({ method: "DELETE", url: "http://status.test/api/v1/leases/L1" });
  });

  it("counts a lease as lost once renewals have failed for most of its TTL (the server may give it to another apply)", async () => {
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
    await held.release();
  });

  it("keeps waiting for the lease when the server rate-limits the tries (429), instead of failing the apply", async () => {
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
    const error = await createStatusClient({ url: "http://127.0.0.1:8790", token: "tok-secret", fetch: refused })
      .postApply({})
      .catch((e: unknown) => e);
    expect(isRunnerError(error, "RUNNER_STATUS_SERVER")).toBe(true);
    expect((error as Error).message).toBe(
      "POST http://127.0.0.1:8790/api/v1/applies failed: connection refused (ECONNREFUSED); is the status server (qac serve) running at this address?",
    );
  });

  it("rejects a status URL that is not a URL", () => {
    expect(() => createStatusClient({ url: "not a url" })).toThrow(/--status-url "not a url" is not a URL/);
  });
});
