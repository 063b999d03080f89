import { runStatusBucket } from "@qac/core";
import type { FastifyBaseLogger } from "fastify";
import type { EventHub } from "../events/create-event-hub.js";
import type { ResolvedServerOptions } from "../options.js";
import { createPoller, type Poller } from "./create-poller.js";

/**
 * The server's poller: status changes go out as `run` events (with the status's bucket from
 * `@qac/core`, the one definition of the run lifecycle), and every cycle is one log line
 * (a warning when it failed; its error is already redacted by `@qac/core`). Null without a
 * QAComplete connection.
 */
export function createServerPoller(o: ResolvedServerOptions, events: EventHub, log: FastifyBaseLogger): Poller | null {
  if (!o.qac) return null;
  return createPoller({
    ...o.poller,
    client: o.qac.client,
    store: o.store.runStatus,
    now: o.now,
    onChanges: (changes) => {
      for (const c of changes)
        events.publish({
          type: "run",
          data: {
            projectId: c.projectId,
            runId: c.runId,
            status: c.status,
            previous: c.previous,
            finished: c.finished,
            bucket: runStatusBucket(c.status),
          },
        });
    },
    onCycle: (cycle) => {
      const line = {
        runs: cycle.runs,
        calls: cycle.calls,
        changed: cycle.changes.length,
        durationMs: cycle.durationMs,
        nextPollInMs: cycle.nextDelayMs,
        error: cycle.error,
      };
      if (cycle.error === null) log.info(line, "poll round");
      else log.warn(line, "poll round failed");
    },
  });
}
