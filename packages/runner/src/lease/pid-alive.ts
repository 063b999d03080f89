import { hostname } from "node:os";

/** True while process `pid` runs on this machine (EPERM: it runs, under another user). */
function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** True when a holder is provably gone: it ran on this machine and its process no longer does. */
export function holderGone(holder: { host?: string; pid?: number }): boolean {
  return holder.host === hostname() && typeof holder.pid === "number" && !pidAlive(holder.pid);
}
