import { fileURLToPath } from "node:url";
import { createClient, type QacClient } from "@qac/core";
import { startSimulator, type Simulator } from "@qac/simulator";

/** The example plans of this repository. */
export const SMOKE_PLAN = fileURLToPath(new URL("../../plans/smoke.yaml", import.meta.url));

/**
 * Starts the QAComplete simulator with the demo tenant on a free port and a client logged in as
 * the demo user. The clock is virtual: time only moves when a program waits (see `sleep`), so
 * runs that take minutes in QAComplete finish at once and every run of an example is the same.
 */
export async function startDemoServer(): Promise<{
  sim: Simulator;
  client: QacClient;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  close(): Promise<void>;
}> {
  const sim = await startSimulator({ clock: "virtual" });
  const client = createClient({ baseUrl: sim.url, username: "demo@qac.example", password: "demo" });
  return {
    sim,
    client,
    sleep: (ms) => sim.clock.advance(ms),
    now: () => sim.clock.now().getTime(),
    async close() {
      await client.close();
      await sim.close();
    },
  };
}
