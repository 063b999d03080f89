import { hostname } from "node:os";
import { isRunnerError, RunnerError } from "../errors.js";
import { realSleep, type Sleep } from "../sleep.js";
import { describeHolder } from "../lease/describe-holder.js";
import { keepLease } from "../lease/heartbeat.js";
import type { Lease, LeaseHolder, LeaseProvider } from "../lease/lease.js";
import { holderGone } from "../lease/pid-alive.js";
import type { StatusClient, StatusLease, StatusLeaseRequest } from "./create-status-client.js";

/** Options of {@link createStatusLeaseProvider}. */
export interface StatusLeaseOptions {
  /** Lease lifetime; renewed every third of it. @default 120 */
  ttlSeconds?: number;
  /** Wait between tries while held. @default 1000 */
  pollMs?: number;
  holder?: LeaseHolder;
  sleep?: Sleep;
  /** Clock for telling a lease whose renewals keep failing from a live one. @default Date.now */
  now?: () => number;
}

/** The name of the lease qac apply takes: one per project (see {@link LeaseProvider}). */
const PROJECT_LEASE = "*";

/**
 * Leases from the status server: serialises applies to one project across machines (CI jobs). The
 * lease expires when its holder stops renewing (crash, SIGKILL), so a dead apply on another
 * machine blocks others for at most the TTL; one on this machine whose process is gone is taken
 * over at once; an admin can break any.
 */
export function createStatusLeaseProvider(client: StatusClient, options: StatusLeaseOptions = {}): LeaseProvider {
  const ttlSeconds = options.ttlSeconds ?? 120;
  const sleep = options.sleep ?? realSleep;
  const holder = options.holder ?? { name: "qac apply", host: hostname(), pid: process.pid };
  return {
    async acquire(key, acquire) {
      const deadline = Date.now() + acquire.timeoutMs;
      let waited = false;
      let known: StatusLease | null = null;
      const me = { ...holder, plan: key.plan };
      for (;;) {
        const request = { project: key.projectId, plan: PROJECT_LEASE, holder: me, ttlSeconds };
        let result = await tryAcquire(client, request, known);
        // The holder ran here and its process is gone (SIGKILL): take over now, not after the TTL.
        if (!result.ok && result.lease && holderGone(result.lease.holder))
          result = await tryAcquire(client, { ...request, replaces: result.lease.id }, known);
        if (result.ok) return hold(client, result.lease.id, ttlSeconds, options.now ?? Date.now);
        known = result.lease;
        if (Date.now() >= deadline || acquire.signal?.aborted) {
          const who = result.lease
            ? ` (held by ${describeHolder(result.lease.holder)} until ${result.lease.expiresAt})`
            : "";
          throw new RunnerError(
            "RUNNER_LEASE_TIMEOUT",
            `another apply to project ${key.projectId} holds the status server's lease${who}; raise --lock-timeout ` +
              `or break the lease as an admin`,
            { lease: result.lease },
          );
        }
        if (!waited) acquire.onWait?.(result.lease?.holder ?? null);
        waited = true;
        await sleep(options.pollMs ?? 1000);
      }
    },
  };
}

/**
 * One try for the lease. The server rate-limits writes per address, and waiting applies of many
 * CI jobs behind one address ask every second: a 429 means "not now", so keep waiting (showing the
 * holder last seen) instead of failing the apply.
 */
async function tryAcquire(
  client: StatusClient,
  request: StatusLeaseRequest,
  known: StatusLease | null,
): ReturnType<StatusClient["acquireLease"]> {
  try {
    return await client.acquireLease(request);
  } catch (error) {
    if (isRunnerError(error, "RUNNER_STATUS_SERVER") && "status" in error.details && error.details.status === 429)
      return { ok: false, lease: known };
    throw error;
  }
}

function hold(client: StatusClient, id: string, ttlSeconds: number, now: () => number): Lease {
  // The status server unreachable for most of the TTL: the lease may expire there and another
  // apply take it, so the heartbeat says it is lost before that can happen.
  return keepLease(
    () => client.renewLease(id, ttlSeconds),
    // A failure is the caller's to report: the next apply waits until the lease expires.
    () =>
      client.releaseLease(id).catch((error: unknown) => {
        throw new RunnerError(
          "RUNNER_STATUS_SERVER",
          `${(error as Error).message}; it expires by itself within ${ttlSeconds} s`,
          { leaseId: id },
          { cause: error },
        );
      }),
    ttlSeconds * 1000,
    now,
  );
}
