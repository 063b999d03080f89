/** HTTP attempts made by a client: the total and per endpoint key (retries count too). */
export interface ClientStats {
  total: number;
  byRoute: Record<string, number>;
}

/** A counter of HTTP attempts; `snapshot` returns a copy. */
export interface StatsCounter {
  record(route: string): void;
  snapshot(): ClientStats;
  reset(): void;
}

/** Creates an empty {@link StatsCounter}. */
export function createStats(): StatsCounter {
  let total = 0;
  let byRoute = new Map<string, number>();
  return {
    record(route) {
      total += 1;
      byRoute.set(route, (byRoute.get(route) ?? 0) + 1);
    },
    snapshot: () => ({ total, byRoute: Object.fromEntries(byRoute) }),
    reset() {
      total = 0;
      byRoute = new Map();
    },
  };
}
