/** Requests per route key, as exposed on `Simulator.counters`. */
export interface RequestCounters {
  /** Requests seen for a route key such as "GET /api/v2/projects/:projectId/testruns" (0 if none). */
  get(routeKey: string): number;
  /** Every route key seen, with its count. */
  all(): Record<string, number>;
  /** All requests seen. */
  total(): number;
  reset(): void;
}

/** Creates counters plus the `count` hook the server calls once per request. */
export function createRequestCounters(): RequestCounters & { count(routeKey: string): void } {
  const counts = new Map<string, number>();
  let total = 0;
  return {
    count(routeKey) {
      counts.set(routeKey, (counts.get(routeKey) ?? 0) + 1);
      total++;
    },
    get: (routeKey) => counts.get(routeKey) ?? 0,
    all: () => Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b))),
    total: () => total,
    reset() {
      counts.clear();
      total = 0;
    },
  };
}
