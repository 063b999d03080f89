import type { RunStatusBucket } from "@qac/core";

/**
 * A live update pushed to browsers over server-sent events. A `run` event carries the status's
 * `bucket` from `@qac/core`'s `runStatusBucket` (passed, failed, blocked, awaiting, inProgress,
 * other), so the page never classifies statuses itself.
 */
export type StatusEvent =
  | { type: "apply"; data: { id: number; plan: string } }
  | {
      type: "run";
      data: {
        projectId: number;
        runId: number;
        status: string | null;
        previous: string | null;
        finished: boolean;
        bucket: RunStatusBucket;
      };
    }
  | { type: "lease"; data: { id: string; project: number; plan: string; state: "acquired" | "released" | "broken" } };

/** Fan-out of {@link StatusEvent}s to subscribers (SSE connections, tests). */
export interface EventHub {
  publish(event: StatusEvent): void;
  /** @returns unsubscribe */
  subscribe(listener: (event: StatusEvent) => void): () => void;
  /** Open subscriptions, for /metrics. */
  size(): number;
}

/** Creates an {@link EventHub}; a failing listener never stops the others. */
export function createEventHub(): EventHub {
  const listeners = new Set<(event: StatusEvent) => void>();
  return {
    publish(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch {
          listeners.delete(listener);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    size: () => listeners.size,
  };
}
