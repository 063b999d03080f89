/** Shared set-up of the integration tests: a simulator on port 0 and clients that record everything they produce. */
import { inspect } from "node:util";
import { expect } from "vitest";
import { startSimulator, type Simulator } from "@qac/simulator";
import { createClient, isQacError, type ClientOptions, type QacClient, type RequestLogEvent } from "@qac/core";

const DEMO_TOKEN = Buffer.from("demo@qac.example:demo").toString("base64");
export const WRONG_PASSWORD = "Wr0ng-S3cret-Pa55!";
export const CREATE = "POST /api/v2/projects/:projectId/testruns";
export const GET_RUN = "GET /api/v2/projects/:projectId/testruns/:id";
export const LIST_RUNS = "GET /api/v2/projects/:projectId/testruns";
export const noSleep = (): Promise<void> => Promise.resolve();

/** One simulator per test file plus everything the file's clients produced, for the secrets sweep. */
export interface Harness {
  sim: Simulator;
  client: QacClient;
  produced: unknown[];
  logs: RequestLogEvent[];
  make(username?: string, password?: string, extra?: Partial<ClientOptions>): QacClient;
  failure(promise: Promise<unknown>): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const sim = await startSimulator({ clock: "virtual" });
  const produced: unknown[] = [];
  const logs: RequestLogEvent[] = [];
  const make = (username = "demo@qac.example", password = "demo", extra: Partial<ClientOptions> = {}): QacClient =>
    createClient({
      baseUrl: sim.url,
      username,
      password,
      retry: { sleep: noSleep },
      log: (e) => logs.push(e),
      ...extra,
    });
  const client = make();
  return {
    sim,
    client,
    produced,
    logs,
    make,
    async failure(promise) {
      try {
        await promise;
      } catch (error) {
        produced.push(error);
        return error as Record<string, unknown>;
      }
      throw new Error("expected a rejection");
    },
    async close() {
      await client.close();
      await sim.close();
    },
  };
}

/** Collects an async iterable. */
export async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** Asserts that no password, Basic token or Authorization header shows in any error, log line or client view. */
export function expectNoSecrets(h: Harness): void {
  const texts = [
    ...h.produced.map((e) => JSON.stringify(e)),
    ...h.produced.map((e) => inspect(e, { depth: 10, showHidden: true })),
    ...h.produced.map((e) => String((e as Error).stack)),
    JSON.stringify(h.logs),
    inspect(h.client, { depth: 10, showHidden: true }),
    JSON.stringify(h.client),
  ];
  const wrongToken = Buffer.from(`demo@qac.example:${WRONG_PASSWORD}`).toString("base64");
  for (const text of texts) {
    for (const secret of [
      DEMO_TOKEN,
      "demo@qac.example:demo",
      WRONG_PASSWORD,
      wrongToken,
      "viewer@qac.example:viewer",
      '"authorization":',
      "authorization: basic",
    ]) {
      const at = text.toLowerCase().indexOf(secret.toLowerCase());
      expect(at, `${secret} leaked: ${text.slice(Math.max(0, at - 300), at + 100)}`).toBe(-1);
    }
  }
  expect(h.produced.every((e) => isQacError(e))).toBe(true);
}
