/**
 * The runner's status-server client (@qac/runner) against this real server: the runner cannot
 * depend on the status server, so the contract is checked from this side.
 */
import { createStatusClient, createStatusLeaseProvider, isRunnerError, type StatusClient } from "@qac/runner";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN, TOKEN, report } from "../src/test-support/fixtures.js";
import { testServer } from "../src/test-support/fixtures.js";

let app: ReturnType<typeof testServer>;
let url: string;
let client: StatusClient;
beforeEach(async () => {
  app = testServer();
  url = await app.listen({ port: 0, host: "127.0.0.1" });
  client = createStatusClient({ url, token: TOKEN });
});
afterEach(async () => {
  await app.close();
});

describe("runner status client against the status server", () => {
  it("uploads an apply report that the server then serves", async () => {
    const { id } = await client.postApply(report());
    const stored: unknown = await (await fetch(`${url}/api/v1/applies/${id}`)).json();
    expect(stored).toMatchObject({ id: Number(id), plan: { name: "nightly" }, runs: [{ runId: 9001 }] });
  });

  it("is refused with a clear error and no token in it when the token is wrong", async () => {
    const wrong = createStatusClient({ url, token: "wrong-token-0123456789abcdef" });
    const error: unknown = await wrong.postApply(report()).catch((e: unknown) => e);
    expect(isRunnerError(error) && error.code).toBe("RUNNER_STATUS_SERVER");
    expect(String((error as Error).message)).toContain("401");
    expect(String((error as Error).message)).not.toContain("wrong-token");
  });

  it("reads and records the --once-per ledger, idempotently, and reports a conflict", async () => {
    expect(await client.ledger.read(1001, "sha-1")).toEqual({});
    await client.ledger.record(1001, "sha-1", [{ identity: "test:a", runId: 11 }]);
    await client.ledger.record(1001, "sha-1", [
      { identity: "test:a", runId: 11 },
      { identity: "test:b", runId: 12 },
    ]);
    expect(await client.ledger.read(1001, "sha-1")).toEqual({
      "test:a": { runId: 11, intentAt: null },
      "test:b": { runId: 12, intentAt: null },
    });
    const error: unknown = await client.ledger
      .record(1001, "sha-1", [{ identity: "test:a", runId: 99 }])
      .catch((e: unknown) => e);
    expect(isRunnerError(error) && error.code).toBe("RUNNER_LEDGER_CONFLICT");
  });

  it("takes, renews and releases a lease; a second contender sees the holder", async () => {
    const first = await client.acquireLease({
      project: 1001,
      plan: "nightly",
      holder: { name: "job-1", ciJob: "77" },
      ttlSeconds: 60,
    });
    expect(first.ok).toBe(true);
    const second = await client.acquireLease({
      project: 1001,
      plan: "nightly",
      holder: { name: "job-2" },
      ttlSeconds: 60,
    });
    expect(second).toMatchObject({ ok: false, lease: { holder: { name: "job-1", ciJob: "77" } } });
    if (!first.ok) throw new Error("unreachable");
    expect(await client.renewLease(first.lease.id, 60)).toBe(true);
    await client.releaseLease(first.lease.id);
    expect(await client.renewLease(first.lease.id, 60)).toBe(false);
    expect(
      (await client.acquireLease({ project: 1001, plan: "nightly", holder: { name: "job-2" }, ttlSeconds: 60 })).ok,
    ).toBe(true);
  });

  it("makes a second apply wait for the lease and fail after its lock timeout, naming the holder", async () => {
    const provider = createStatusLeaseProvider(client, {
      ttlSeconds: 60,
      pollMs: 20,
      holder: { name: "apply A", ciJob: "job-A" },
    });
    const other = createStatusLeaseProvider(client, { ttlSeconds: 60, pollMs: 20, holder: { name: "apply B" } });
    const lease = await provider.acquire({ projectId: 1001, plan: "nightly" }, { timeoutMs: 1000 });
    const waited: unknown[] = [];
    const error: unknown = await other
      .acquire({ projectId: 1001, plan: "nightly" }, { timeoutMs: 100, onWait: (h) => waited.push(h) })
      .catch((e: unknown) => e);
    expect(isRunnerError(error) && error.code).toBe("RUNNER_LEASE_TIMEOUT");
    expect((error as Error).message).toContain("apply A");
    expect(waited).toEqual([expect.objectContaining({ name: "apply A" })]);
    await lease.release();
    const next = await other.acquire({ projectId: 1001, plan: "nightly" }, { timeoutMs: 1000 });
    await next.release();
  });

  it("tells the holder its lease is lost once an admin broke it", async () => {
    const provider = createStatusLeaseProvider(client, { ttlSeconds: 5, pollMs: 20 });
    const lease = await provider.acquire({ projectId: 1001, plan: "nightly" }, { timeoutMs: 1000 });
    const { leases } = (await (await fetch(`${url}/api/v1/leases`)).json()) as { leases: { id: string }[] };
    const broken = await fetch(`${url}/api/v1/leases/${leases[0]!.id}?force=true`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(broken.status).toBe(204);
    // The provider renews every third of the TTL (at least every second).
    await expect.poll(() => lease.lost(), { timeout: 10_000, interval: 100 }).toBe(true);
    await lease.release();
  });
});
