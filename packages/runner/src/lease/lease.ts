import type { LeaseHolder } from "@qac/schemas";

// Who holds a lease: the status server's lease request and the local lock file say it alike
// (schemas/status-api/lease-request.schema.json).
export type { LeaseHolder };

/** A held lease on a project: one apply to the project at a time. */
export interface Lease {
  /** Lets the next apply in; safe to call twice; rejects when the lease could not be released. */
  release(): Promise<void>;
  /** True once the lease was found broken or expired: stop creating. */
  lost(): boolean;
}

/** Options of {@link LeaseProvider.acquire}. */
export interface AcquireOptions {
  /** Give up after this long (RUNNER_LEASE_TIMEOUT). */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Called once when the lease is busy and the caller starts waiting. */
  onWait?: (holder: LeaseHolder | null) => void;
}

/**
 * Serialises applies to the same project: the second waits, then observes Run History afresh and
 * finds what the first created. The unit is the project, not the plan, because two plans may ask
 * for the same runs; applies to different projects run in parallel, and the lease is held only
 * while observing and creating (seconds), not while waiting for runs. A local lock file by
 * default, the status server's lease when one is configured (CI jobs on several machines).
 * `plan` only names the holder in messages.
 */
export interface LeaseProvider {
  acquire(key: { projectId: number; plan: string }, options: AcquireOptions): Promise<Lease>;
}
