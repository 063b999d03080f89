import { randomUUID } from "node:crypto";
import { link, mkdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { RunnerError } from "../errors.js";
import { realSleep, type Sleep } from "../sleep.js";
import type { Lease, LeaseHolder, LeaseProvider } from "./lease.js";
import { holderGone } from "./pid-alive.js";

interface LockContent {
  nonce: string;
  holder: LeaseHolder;
  expiresAt: number;
}

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
 * A lease as a lock file created atomically with its content (a hard link that fails when the
 * lock exists), one per project. The holder renews it
 * every ttl/3. A lock is stale when its holder process on this machine is gone (PID check) or it
 * was not renewed within the TTL (a holder on another machine sharing the directory, or a frozen
 * process); a stale lock is removed only if it still has the content that was judged stale.
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
      let waited = false;
      for (;;) {
        if (acquire.signal?.aborted)
          throw new RunnerError("RUNNER_LEASE_TIMEOUT", `interrupted while waiting for the lock ${file}`, { file });
        // The lock appears with its content in one step (hard link of a written temp file, which
        // fails if the lock exists), so a holder killed at any point never leaves an empty lock.
        const temp = `${file}.${nonce}.tmp`;
        try {
          await writeFile(temp, JSON.stringify(content()));
          await link(temp, file);
          return holdLease(file, nonce, content, ttlMs, now);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "EEXIST")
            throw new RunnerError(
              "RUNNER_STATE_FILE",
              `cannot create the lock file ${file}: ${(error as Error).message}`,
              { file },
              { cause: error },
            );
        } finally {
          await unlink(temp).catch(() => undefined);
        }
        const text = await readFile(file, "utf8").catch(() => null);
        const current = parse(text);
        // A lock that stays unreadable is from a holder that died between creating and writing it.
        const unreadable =
          text !== null &&
          current?.nonce === "" &&
          now() -
            (await stat(file).then(
              (s) => s.mtimeMs,
              () => now(),
            )) >
            10_000;
        if (text !== null && (unreadable || isStale(current, now()))) {
          // Remove it only if nobody replaced it since we read it (narrows the race to one read + unlink).
          if ((await readFile(file, "utf8").catch(() => null)) === text) await unlink(file).catch(() => undefined);
          continue;
        }
        if (now() >= deadline)
          throw new RunnerError(
            "RUNNER_LEASE_TIMEOUT",
            `another apply to this project holds the lock ${file}${describe(current)}; waited ` +
              `${Math.round(acquire.timeoutMs / 1000)} s (raise --lock-timeout, or delete the file if that apply is ` +
              `gone)`,
            { file, holder: current?.holder ?? null },
          );
        if (!waited) acquire.onWait?.(current?.holder ?? null);
        waited = true;
        await sleep(options.pollMs ?? 200);
      }
    },
  };

  function isStale(lock: LockContent | null, at: number): boolean {
    if (lock === null) return true;
    if (lock.expiresAt < at) return true;
    return holderGone(lock.holder);
  }
}

function parse(text: string | null): LockContent | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as LockContent;
    return typeof value.nonce === "string" && typeof value.expiresAt === "number" ? value : null;
  } catch {
    // A lock being written right now is empty for a moment: treat it as held, not stale.
    return { nonce: "", holder: { name: "unknown" }, expiresAt: Number.MAX_SAFE_INTEGER };
  }
}

const describe = (lock: LockContent | null): string =>
  lock
    ? ` (${lock.holder.name}${lock.holder.host ? ` on ${lock.holder.host}` : ""}` +
      `${lock.holder.pid ? `, pid ${lock.holder.pid}` : ""})`
    : "";

function holdLease(file: string, nonce: string, content: () => LockContent, ttlMs: number, now: () => number): Lease {
  let lost = false;
  let released = false;
  const every = Math.max(1000, Math.floor(ttlMs / 3));
  let renewedAt = now();
  const renew = async () => {
    const current = parse(await readFile(file, "utf8").catch(() => null));
    if (current?.nonce !== nonce) {
      lost = true;
      return;
    }
    const at = now();
    const temp = `${file}.${nonce}.tmp`;
    await writeFile(temp, JSON.stringify(content()));
    await rename(temp, file);
    renewedAt = at;
  };
  const timer = setInterval(() => void renew().catch(() => undefined), every);
  timer.unref();
  return {
    // Renewals failing (disk full, directory gone) for most of the TTL: others may soon break the
    // lock as stale, so stop creating before they can.
    lost: () => lost || now() - renewedAt > Math.max((ttlMs * 3) / 4, every * 2),
    async release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      const current = parse(await readFile(file, "utf8").catch(() => null));
      if (current?.nonce === nonce) await unlink(file).catch(() => undefined);
    },
  };
}
