import type { Lease } from "./lease.js";

/** A held lease's renewals, running in the background. */
interface Heartbeat {
  /** True once a renewal found the lease broken, or renewals failed for most of its TTL. */
  readonly lost: () => boolean;
  readonly stop: () => void;
}

/**
 * Renews a lease every third of its TTL until {@link Heartbeat.stop}. `renew` resolves false when
 * the lease was broken (someone else holds it now) and rejects when it could not be renewed (disk
 * full, server unreachable): after failures for ¾ of the TTL the lease counts as lost, because
 * others may soon take it as expired, and the holder must stop before that can happen.
 */
function startHeartbeat(renew: () => Promise<boolean>, ttlMs: number, now: () => number): Heartbeat {
  let broken = false;
  const every = Math.max(1000, Math.floor(ttlMs / 3));
  let renewedAt = now();
  const timer = setInterval(() => {
    const at = now();
    void renew().then(
      (ok) => void (ok ? (renewedAt = at) : (broken = true)),
      () => undefined,
    );
  }, every);
  timer.unref();
  return {
    lost: () => broken || now() - renewedAt > Math.max((ttlMs * 3) / 4, every * 2),
    stop: () => clearInterval(timer),
  };
}

/**
 * A held {@link Lease} renewed by a heartbeat (see {@link startHeartbeat}): `release` stops the
 * renewals, then lets go with `letGo` once; a second call does nothing.
 */
export function keepLease(
  renew: () => Promise<boolean>,
  letGo: () => Promise<void>,
  ttlMs: number,
  now: () => number,
): Lease {
  const heartbeat = startHeartbeat(renew, ttlMs, now);
  let released = false;
  return {
    lost: heartbeat.lost,
    async release() {
      if (released) return;
      released = true;
      heartbeat.stop();
      await letGo();
    },
  };
}
