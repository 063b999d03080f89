import type { LeaseHolder } from "./lease.js";

/**
 * A lease or lock holder in words, for messages: "qac apply on build-7, pid 4242, job 42". The
 * plan it applies is left to the sentence around it ("another apply of smoke ...").
 * @example describeHolder({ name: "qac apply", host: "build-7", pid: 4242 }) // "qac apply on build-7, pid 4242"
 */
export function describeHolder(holder: LeaseHolder): string {
  const host = holder.host ? ` on ${holder.host}` : "";
  const pid = holder.pid ? `, pid ${holder.pid}` : "";
  const job = holder.ciJob ? `, job ${holder.ciJob}` : "";
  return `${holder.name}${host}${pid}${job}`;
}
