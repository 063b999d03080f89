import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { RunnerError } from "../errors.js";
import { realSleep, type Sleep } from "../sleep.js";
import { describeHolder } from "./describe-holder.js";
import { keepLease } from "./heartbeat.js";
import type { LeaseHolder, LeaseProvider } from "./lease.js";
import { acquireLockFile, releaseLockFile, renewLockFile, type LockContent } from "./lock-file.js";

/** Options of {@link createLocalLeaseProvider}. */
export interface LocalLeaseOptions {
  /** Directory of the lock files. @default ".qac/locks" */
  dir?: string;
  /** A lock not renewed for this long is stale. @default 120000 */
  ttlMs?: number;
  /** Wait between tries while the lock is held. @default 200 */
  pollMs?: number;
  holder?: LeaseHolder;
  sleep?: Sleep;
  now?: () => number;
}

/**
 * A lease as a lock file (see `acquireLockFile`), one per project, which the holder renews every
 * ttl/3. A lock is stale when its holder process on this machine is gone (PID check) or it was not
 * renewed within the TTL (a holder on another machine sharing the directory, or a frozen process).
 * Limits: it only serialises processes that share the directory (one machine or a shared disk);
 * use the status server's lease across CI machines.
 */
export function createLocalLeaseProvider(options: LocalLeaseOptions = {}): LeaseProvider {
  const dir = options.dir ?? ".qac/locks";
  const ttlMs = options.ttlMs ?? 120_000;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const own: LeaseHolder = options.holder ?? { name: "qac apply", host: hostname(), pid: process.pid };
  return {
    async acquire(key, acquire) {
      await mkdir(dir, { recursive: true });
      // One lock per project: two plans that share runs must not create them at once.
      const file = join(dir, `project-${key.projectId}.lock`);
      const nonce = randomUUID();
      const holder = { ...own, plan: key.plan };
      const content = (): LockContent => ({ nonce, holder, expiresAt: now() + ttlMs });
      const deadline = now() + acquire.timeoutMs;
      const interrupted = () =>
        new RunnerError("RUNNER_LEASE_TIMEOUT", `interrupted while waiting for the lock ${file}`, { file });
      let waited = false;
      if (acquire.signal?.aborted) throw interrupted();
      await acquireLockFile(file, content, {
        now,
        whileHeld: async (current) => {
          if (now() >= deadline)
            throw new RunnerError(
              "RUNNER_LEASE_TIMEOUT",
              `another apply to this project holds the lock ${file}` +
                `${current ? ` (${describeHolder(current.holder)})` : ""}; waited ` +
                `${Math.round(acquire.timeoutMs / 1000)} s (raise --lock-timeout, or delete the file if that apply ` +
                `is gone)`,
              { file, holder: current?.holder ?? null },
            );
          if (!waited) acquire.onWait?.(current?.holder ?? null);
          waited = true;
          await sleep(options.pollMs ?? 200);
          if (acquire.signal?.aborted) throw interrupted();
        },
        cannotCreate: (error) =>
          new RunnerError(
            "RUNNER_STATE_FILE",
            `cannot create the lock file ${file}: ${(error as Error).message}`,
            { file },
            { cause: error },
          ),
      });
      return keepLease(
        () => renewLockFile(file, content()),
        () => releaseLockFile(file, nonce),
        ttlMs,
        now,
      );
    },
  };
}
