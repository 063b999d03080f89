import { randomUUID } from "node:crypto";
import { link, readFile, stat, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { RunnerError } from "../errors.js";
import { pidAlive } from "../lease/pid-alive.js";

/**
 * Runs `fn` while holding `${file}.lock`, so read-modify-write of a small shared file is never
 * interleaved with another process's (two plans applied at once share `.qac/state.json`; the apply
 * lease is per plan and does not serialise them). The lock appears with its content in one step
 * (hard link of a written temp file); it is broken when its holder on this machine is gone or it
 * is older than `staleMs` (the critical section takes milliseconds). Gives up after `timeoutMs`.
 * Both default to 30 s.
 */
export async function withFileLock<T>(
  file: string,
  fn: () => Promise<T>,
  options: { timeoutMs?: number; staleMs?: number } = {},
): Promise<T> {
  const lock = `${file}.lock`;
  const me = `${process.pid}@${hostname()}`;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (let wait = 2; ; wait = Math.min(50, wait * 2)) {
    const temp = `${lock}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, me);
      await link(temp, lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST")
        throw new RunnerError(
          "RUNNER_STATE_FILE",
          `cannot lock ${file}: ${(error as Error).message}`,
          { file },
          { cause: error },
        );
    } finally {
      await unlink(temp).catch(() => undefined);
    }
    const holder = await readFile(lock, "utf8").catch(() => null);
    const age = await stat(lock).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    const [pid, host] = (holder ?? "").split("@");
    const gone = host === hostname() && Number(pid) > 0 && !pidAlive(Number(pid));
    if (holder !== null && (gone || age > (options.staleMs ?? 30_000))) {
      // Remove it only if it is still the lock judged stale.
      if ((await readFile(lock, "utf8").catch(() => null)) === holder) await unlink(lock).catch(() => undefined);
      continue;
    }
    if (Date.now() >= deadline)
      throw new RunnerError(
        "RUNNER_STATE_FILE",
        `${file} stayed locked by ${holder ?? "another process"} (${lock}); remove the lock file if that process is ` +
          `gone`,
        { file },
      );
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  try {
    return await fn();
  } finally {
    await unlink(lock).catch(() => undefined);
  }
}
