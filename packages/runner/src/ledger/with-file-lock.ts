import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { RunnerError } from "../errors.js";
import { describeHolder } from "../lease/describe-holder.js";
import { acquireLockFile, releaseLockFile } from "../lease/lock-file.js";

/**
 * Runs `fn` while holding `${file}.lock` (see `acquireLockFile`), so read-modify-write of a small
 * shared file is never interleaved with another process's (two plans applied at once share
 * `.qac/state.json`). The lock is broken when its holder on this machine is gone or it is older
 * than `staleMs` (the critical section takes milliseconds). Gives up after `timeoutMs`. Both
 * default to 30 s.
 */
export async function withFileLock<T>(
  file: string,
  fn: () => Promise<T>,
  options: { timeoutMs?: number; staleMs?: number } = {},
): Promise<T> {
  const lock = `${file}.lock`;
  const nonce = randomUUID();
  const holder = { name: "qac", host: hostname(), pid: process.pid };
  const staleMs = options.staleMs ?? 30_000;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let wait = 2;
  await acquireLockFile(lock, () => ({ nonce, holder, expiresAt: Date.now() + staleMs }), {
    now: Date.now,
    whileHeld: async (current) => {
      if (Date.now() >= deadline)
        throw new RunnerError(
          "RUNNER_STATE_FILE",
          `${file} stayed locked by ${current ? describeHolder(current.holder) : "another process"} (${lock}); ` +
            `remove the lock file if that process is gone`,
          { file },
        );
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = Math.min(50, wait * 2);
    },
    cannotCreate: (error) =>
      new RunnerError(
        "RUNNER_STATE_FILE",
        `cannot lock ${file}: ${(error as Error).message}`,
        { file },
        { cause: error },
      ),
  });
  try {
    return await fn();
  } finally {
    await releaseLockFile(lock, nonce);
  }
}
