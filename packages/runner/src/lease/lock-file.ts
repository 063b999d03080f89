import { randomUUID } from "node:crypto";
import { link, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import type { LeaseHolder } from "./lease.js";
import { holderGone } from "./pid-alive.js";

/** What a lock file holds. */
export interface LockContent {
  /** Tells this holder's lock from a successor's: renewing and releasing check it. */
  nonce: string;
  holder: LeaseHolder;
  /** Milliseconds since the epoch: a lock not renewed by then is stale. */
  expiresAt: number;
}

/** Options of {@link acquireLockFile}. */
export interface AcquireLockOptions {
  now: () => number;
  /**
   * The lock is someone else's and alive (`current` is null while it cannot be read): resolve to
   * try again, throw to give up.
   */
  whileHeld: (current: LockContent | null) => Promise<void>;
  /** The error to throw when the lock file cannot be created at all (no directory, no permission). */
  cannotCreate: (cause: unknown) => Error;
}

/** A lock that stays unreadable this long is from a holder that died while creating it. */
const UNREADABLE_MS = 10_000;

/**
 * Takes the lock `file` with `content()`. The file appears with its content in one step (a hard
 * link of a written temporary file, which fails when the lock exists), so a holder killed at any
 * point never leaves an empty lock. A lock is stale when it expired or its holder ran on this
 * machine and its process is gone; a stale lock is removed only if it still has the content that
 * was judged stale, so a lock someone took meanwhile is never removed.
 */
export async function acquireLockFile(
  file: string,
  content: () => LockContent,
  options: AcquireLockOptions,
): Promise<void> {
  for (;;) {
    const temp = `${file}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, JSON.stringify(content()));
      await link(temp, file);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw options.cannotCreate(error);
    } finally {
      await unlink(temp).catch(() => undefined);
    }
    const text = await readFile(file, "utf8").catch(() => null);
    if (text === null) continue; // released in between: try again
    const current = parseLock(text);
    if (await isStale(file, current, options.now())) {
      await removeIfUnchanged(file, text);
      continue;
    }
    await options.whileHeld(current === "unreadable" ? null : current);
  }
}

/** Writes `content` to the lock if it is still this holder's (same nonce); false when it was broken. */
export async function renewLockFile(file: string, content: LockContent): Promise<boolean> {
  const current = parseLock(await readFile(file, "utf8").catch(() => null));
  if (current === null || current === "unreadable" || current.nonce !== content.nonce) return false;
  const temp = `${file}.${content.nonce}.tmp`;
  await writeFile(temp, JSON.stringify(content));
  await rename(temp, file);
  return true;
}

/** Removes the lock if it is still this holder's; a successor's lock is left alone. */
export async function releaseLockFile(file: string, nonce: string): Promise<void> {
  const text = await readFile(file, "utf8").catch(() => null);
  const current = parseLock(text);
  if (text !== null && current !== null && current !== "unreadable" && current.nonce === nonce)
    await removeIfUnchanged(file, text);
}

/** The lock's content; null when it is no lock (or gone), "unreadable" while it is not JSON. */
function parseLock(text: string | null): LockContent | null | "unreadable" {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as LockContent;
    return typeof value.nonce === "string" && typeof value.expiresAt === "number" ? value : null;
  } catch {
    return "unreadable";
  }
}

async function isStale(file: string, lock: LockContent | null | "unreadable", now: number): Promise<boolean> {
  if (lock === null) return true;
  if (lock === "unreadable") {
    const modified = await stat(file).then(
      (s) => s.mtimeMs,
      () => now,
    );
    return now - modified > UNREADABLE_MS;
  }
  return lock.expiresAt < now || holderGone(lock.holder);
}

/** Removes `file` only if it still reads `text` (narrows the race to one read and the unlink). */
async function removeIfUnchanged(file: string, text: string): Promise<void> {
  if ((await readFile(file, "utf8").catch(() => null)) === text) await unlink(file).catch(() => undefined);
}
