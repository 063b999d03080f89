import { SimulatorError } from "../errors.js";

/** Requests per route key, as exposed on `Simulator.counters`. */
export interface RequestCounters {
  /**
   * Requests seen for a route key such as "GET /api/v2/projects/:projectId/testruns" (0 if none).
   * @throws SimulatorError `SIM_OPTIONS` for a key that is no route of the server, so a typo cannot read as "never
   * called"
   */
  get(routeKey: string): number;
  /** Every route key seen, with its count. */
  all(): Record<string, number>;
  /** All requests seen. */
  total(): number;
  reset(): void;
}

/** Creates counters plus the `count` hook the server calls once per request. */
export function createRequestCounters(): RequestCounters & {
  count(routeKey: string): void;
  knowRoutes(routes: ReadonlySet<string>): void;
} {
  const counts = new Map<string, number>();
  let total = 0;
  let routes: ReadonlySet<string> | undefined;
  return {
    count(routeKey) {
      counts.set(routeKey, (counts.get(routeKey) ?? 0) + 1);
      total++;
    },
    knowRoutes(keys) {
      routes = keys;
    },
    get(routeKey) {
      if (routes !== undefined && !routes.has(routeKey) && !/^[A-Z]+ \(unmatched\)$/.test(routeKey)) {
        throw new SimulatorError(
          "SIM_OPTIONS",
          `counters.get: ${JSON.stringify(routeKey)} is not a route of the simulator; route keys look like "GET ` +
            `/api/v2/projects/:projectId/testruns"`,
        );
      }
      return counts.get(routeKey) ?? 0;
    },
    all: () => Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b))),
    total: () => total,
    reset() {
      counts.clear();
      total = 0;
    },
  };
}
