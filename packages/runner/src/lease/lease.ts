/** Who holds a lease, for messages ("held by ci-job 42 on host x, pid 123"). */
export interface LeaseHolder {
  name: string;
  host?: string;
  pid?: number;
  ciJob?: string;
}

/** A held lease on (project, plan): one apply of a plan at a time. */
export interface Lease {
  /** Lets the next apply in; safe to call twice. */
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
 * Serialises applies of the same plan in the same project: the second waits, then observes Run
 * History afresh and finds what the first created. A local lock file by default, the status
 * server's lease when one is configured (so CI jobs on different machines serialise too).
 */
export interface LeaseProvider {
  acquire(key: { projectId: number; plan: string }, options: AcquireOptions): Promise<Lease>;
}
