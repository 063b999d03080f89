/**
 * The server's clock as its answers tell it: every HTTP response carries a `Date` header (UTC, to
 * the second). qac stamps `--once-per` intents with it, so comparing them with QAComplete's run
 * dates does not depend on the local machine's clock.
 */
export interface ServerClock {
  /** Notes a response's `Date` header, received at local wall-clock time `localMs`. */
  observe(dateHeader: string | undefined, localMs: number): void;
  /**
   * The server's time now (never later than it really is: the header is cut to the second), or
   * null before any answer.
   */
  now(localMs: number): Date | null;
}

/** Creates a {@link ServerClock} that knows nothing yet. */
export function createServerClock(): ServerClock {
  let last: { serverMs: number; localMs: number } | null = null;
  return {
    observe(dateHeader, localMs) {
      const serverMs = dateHeader === undefined ? Number.NaN : Date.parse(dateHeader);
      if (!Number.isNaN(serverMs)) last = { serverMs, localMs };
    },
    now(localMs) {
      return last === null ? null : new Date(last.serverMs + Math.max(0, localMs - last.localMs));
    },
  };
}
