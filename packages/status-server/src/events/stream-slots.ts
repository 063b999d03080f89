/** Why a stream was refused: the server is full, or this client already holds its share. */
type StreamRefusal = { reason: "total"; limit: number } | { reason: "client"; limit: number };

/** Counts open event streams in total and per client address. */
export interface StreamSlots {
  /** Takes a slot for `address`: a function that gives it back (call it once), or why there is none. */
  take(address: string): (() => void) | StreamRefusal;
  /** Open streams in total. */
  size(): number;
}

/**
 * Creates the bookkeeping behind `/events` limits: at most `total` streams at once and at most
 * `perClient` from one address, so one client (a runaway script, a page reloading in a loop)
 * cannot hold every stream and lock everyone else out.
 */
export function createStreamSlots(limits: { total: number; perClient: number }): StreamSlots {
  const byAddress = new Map<string, number>();
  let open = 0;
  return {
    take(address) {
      if (open >= limits.total) return { reason: "total", limit: limits.total };
      const held = byAddress.get(address) ?? 0;
      if (held >= limits.perClient) return { reason: "client", limit: limits.perClient };
      byAddress.set(address, held + 1);
      open++;
      let given = false;
      return () => {
        if (given) return;
        given = true;
        open--;
        const left = (byAddress.get(address) ?? 1) - 1;
        if (left === 0) byAddress.delete(address);
        else byAddress.set(address, left);
      };
    },
    size: () => open,
  };
}
