import type { Simulator } from "../start-simulator.js";

/** Demo users of the demo tenant (demo-seed.yaml). */
export const USERS = {
  demo: ["demo@qac.example", "demo"],
  viewer: ["viewer@qac.example", "viewer"],
  tester: ["tester@qac.example", "tester"],
} as const;

/** A JSON object from a response, for tests that pick at fields. */
export type Row = Record<string, unknown>;

export const basic = (login: string, password: string) =>
  `Basic ${Buffer.from(`${login}:${password}`).toString("base64")}`;

/** Calls the simulator through fastify inject as a demo user; `url` is relative to /rest-api/service. */
export async function call(
  sim: Simulator,
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  url: string,
  options: { as?: keyof typeof USERS | null; body?: unknown; headers?: Record<string, string> } = {},
) {
  const as = options.as === undefined ? "demo" : options.as;
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  if (as !== null) headers["authorization"] = basic(USERS[as][0], USERS[as][1]);
  const response = await sim.app.inject({
    method,
    url: `/rest-api/service${url}`,
    headers,
    ...(options.body === undefined
      ? {}
      : typeof options.body === "string"
        ? { payload: options.body }
        : { payload: options.body as object }),
  });
  // Tests read loosely typed JSON on purpose (like the workspace lint rule for *.test.ts says).
  /* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment */
  const body: any = response.body === "" ? undefined : JSON.parse(response.body);
  return { status: response.statusCode, headers: response.headers, body };
  /* eslint-enable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment */
}
