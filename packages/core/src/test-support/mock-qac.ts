import { MockAgent } from "undici";
import { createClient } from "../create-client.js";
import type { ClientOptions } from "../options.js";
import type { QacClient } from "../qac-client.js";
import type { RequestLogEvent } from "../options.js";

const ORIGIN = "http://qac.test";
export const PASSWORD = "s3cr3t-P@ss";
const USERNAME = "demo@qac.example";
export const TOKEN = Buffer.from(`${USERNAME}:${PASSWORD}`).toString("base64");
export const API = "/rest-api/service/api";

/** A client wired to an undici MockAgent, a recording zero sleep and a log collector. */
export function mockQac(overrides: Partial<ClientOptions> = {}) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const pool = agent.get(ORIGIN);
  const sleeps: number[] = [];
  const logs: RequestLogEvent[] = [];
  let n = 0;
  const client: QacClient = createClient({
    baseUrl: ORIGIN,
    username: USERNAME,
    password: PASSWORD,
    dispatcher: agent,
    log: (e) => logs.push(e),
    requestId: () => `req-${++n}`,
    retry: { sleep: (ms) => (sleeps.push(ms), Promise.resolve()), random: () => 0.5 },
    ...overrides,
  });
  return { agent, pool, client, sleeps, logs };
}

/** A list envelope as QAComplete sends it. */
export function envelope<T>(results: T[], total: number, offset = 0, limit = 25) {
  return {
    metadata: { result_set: { count: results.length, offset, limit, total }, permissions: { acl: 7 } },
    results,
  };
}

/** A minimal run object. */
export function run(id: number, extra: Record<string, unknown> = {}) {
  return {
    id,
    test_set_id: 0,
    release_id: 0,
    project_id: 1001,
    status_code: "Awaiting Run",
    run_time_formated: "00:00:00",
    schedule_id: "0",
    ...extra,
  };
}

/** Awaits a promise that must reject and returns the error. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}
