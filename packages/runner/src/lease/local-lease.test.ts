import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { isRunnerError } from "../errors.js";
import { createLocalLeaseProvider } from "./local-lease.js";

const key = { projectId: 1001, plan: "smoke" };
const dir = () => mkdtemp(join(tmpdir(), "qac-lease-"));

describe("createLocalLeaseProvider", () => {
  it("lets one holder in at a time; the next gets in once the first releases", async () => {
    const d = await dir();
    const a = await createLocalLeaseProvider({ dir: d }).acquire(key, { timeoutMs: 1000 });
    let waitedFor: (value: string) => void = () => undefined;
    const waited = new Promise<string>((resolve) => (waitedFor = resolve));
    const second = createLocalLeaseProvider({ dir: d, pollMs: 5 }).acquire(key, {
      timeoutMs: 5000,
      onWait: (h) => waitedFor(`${h?.name ?? "?"} (${h?.plan ?? "?"})`),
    });
    // The second waits (named the holder and its plan) until the first releases, however busy the machine.
    expect(await waited).toBe("qac apply (smoke)");
    await a.release();
    const b = await second;
    expect(b.lost()).toBe(false);
    await b.release();
    expect(await readdir(d)).toEqual([]);
  });

  it("times out with who holds the lock and how to fix it", async () => {
    const d = await dir();
    const held = await createLocalLeaseProvider({
      dir: d,
      holder: { name: "ci job 7", host: hostname(), pid: process.pid },
    }).acquire(key, { timeoutMs: 100 });
    const error = await createLocalLeaseProvider({ dir: d, pollMs: 5 })
      .acquire(key, { timeoutMs: 30 })
      .catch((e: unknown) => e);
    expect(isRunnerError(error, "RUNNER_LEASE_TIMEOUT")).toBe(true);
    expect((error as Error).message).toContain(`(ci job 7 on ${hostname()}, pid ${process.pid})`);
    expect((error as Error).message).toContain("--lock-timeout");
    await held.release();
  });

  it("breaks a lock whose holder process on this machine is gone", async () => {
    const d = await dir();
    await createLocalLeaseProvider({
      dir: d,
      holder: { name: "killed apply", host: hostname(), pid: 2 ** 22 + 12345 },
    }).acquire(key, { timeoutMs: 100 });
    const lease = await createLocalLeaseProvider({ dir: d }).acquire(key, { timeoutMs: 100 });
    await lease.release();
  });

  it("breaks a lock that was not renewed within its TTL (holder on another machine)", async () => {
    const d = await dir();
    let now = 1_000_000;
    await createLocalLeaseProvider({
      dir: d,
      ttlMs: 60_000,
      now: () => now,
      holder: { name: "other", host: "elsewhere", pid: 1 },
    }).acquire(key, { timeoutMs: 100 });
    const busy = await createLocalLeaseProvider({ dir: d, now: () => now, pollMs: 1 })
      .acquire(key, { timeoutMs: 0 })
      .catch((e: unknown) => e);
    expect(isRunnerError(busy, "RUNNER_LEASE_TIMEOUT")).toBe(true);
    now += 61_000;
    const lease = await createLocalLeaseProvider({ dir: d, now: () => now }).acquire(key, { timeoutMs: 100 });
    await lease.release();
  });

  it("waits for a lock being written, and breaks one left empty by a holder that died while creating it", async () => {
    const d = await dir();
    let now = Date.now();
    const provider = createLocalLeaseProvider({ dir: d, now: () => now, pollMs: 1 });
    const first = await provider.acquire(key, { timeoutMs: 100 });
    const [file] = await readdir(d);
    await first.release();
    await writeFile(join(d, file!), "");
    const busy = await provider.acquire(key, { timeoutMs: 0 }).catch((e: unknown) => e);
    expect(isRunnerError(busy, "RUNNER_LEASE_TIMEOUT")).toBe(true);
    now += 11_000;
    await (await provider.acquire(key, { timeoutMs: 100 })).release();
  });

  it("counts the lease as lost once not renewed for most of its TTL (others may break it as stale)", async () => {
    const d = await dir();
    let now = 1_000_000;
    const lease = await createLocalLeaseProvider({ dir: d, ttlMs: 120_000, now: () => now }).acquire(key, {
      timeoutMs: 100,
    });
    now += 60_000;
    expect(lease.lost()).toBe(false);
    now += 31_000;
    expect(lease.lost()).toBe(true);
    await lease.release();
  });

  it("reports the lease lost when someone replaced the lock file", async () => {
    const d = await dir();
    const lease = await createLocalLeaseProvider({ dir: d, ttlMs: 3000 }).acquire(key, { timeoutMs: 100 });
    const [file] = await readdir(d);
    const content = JSON.parse(await readFile(join(d, file!), "utf8")) as { nonce: string };
    await writeFile(join(d, file!), JSON.stringify({ ...content, nonce: "someone-else" }));
    // The next renewal (every ttl/3 = 1 s) finds the file replaced; under load it may come late.
    await vi.waitFor(() => expect(lease.lost()).toBe(true), { timeout: 10_000, interval: 50 });
    await lease.release();
    // Releasing a lost lease leaves the new holder's file alone.
    expect(await readdir(d)).toHaveLength(1);
  });
});
