import type { Auth } from "./auth/create-auth.js";
import type { EventHub } from "./events/create-event-hub.js";
import type { ServerMetrics } from "./metrics/create-metrics.js";
import type { Poller } from "./poller/create-poller.js";
import type { PlanOverview, StatusStore } from "./store/status-store.js";

/** What every route plugin of the server shares. */
export interface ServerContext {
  store: StatusStore;
  events: EventHub;
  /** null when no QAComplete connection was given. */
  poller: Poller | null;
  auth: Auth;
  now: () => Date;
  /** Link of a run into QAComplete, or null. */
  runLink: (projectId: number, runId: number | null) => string | null;
  /** `store.applies.plans()`, recomputed only when the data changed. */
  plans(): PlanOverview[];
  /** Reads need a token too (documented as such in OpenAPI). */
  protectReads: boolean;
  rateLimit: { max: number; timeWindow: number };
  /** Open `/events` streams allowed at once. */
  maxEventStreams: number;
  /** Open `/events` streams allowed at once from one client address. */
  maxEventStreamsPerClient: number;
  /** The Prometheus registry behind /metrics. */
  metrics: ServerMetrics;
}

/** Caches the plans overview until the store's data version moves. */
export function cachePlans(store: StatusStore): () => PlanOverview[] {
  let version = -1;
  let cached: PlanOverview[] = [];
  return () => {
    const current = store.version();
    if (current !== version) {
      cached = store.applies.plans();
      version = current;
    }
    return cached;
  };
}
