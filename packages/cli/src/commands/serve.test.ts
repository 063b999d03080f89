import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "@qac/simulator";
import type { CliIo } from "../cli-io.js";
import { runCli } from "../run-cli.js";
import { exposureWarning } from "./serve.js";

const TOKEN = "serve-test-token-0123456789";
let dir: string | undefined;
let sim: Simulator | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  await sim?.close();
  dir = undefined;
  sim = undefined;
});

/** Runs `qac serve` until `stop()`; `out()` is what it printed so far. */
function serve(args: string[], env: Record<string, string>) {
  let stop!: (signal: string) => void;
  const stopped = new Promise<string>((resolve) => (stop = resolve));
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    env,
    cwd: dir!,
    waitForStop: () => stopped,
  };
  const exit = runCli(["serve", ...args], io);
  return { exit, stop, out: () => out.join(""), err: () => err.join("") };
}

const urlOf = (text: string) => /listening on (http:\/\/\S+)/.exec(text)?.[1];

describe("qac serve", () => {
  it("serves the status API on 127.0.0.1 with live status from QAComplete, and stops on a signal", async () => {
    dir = await mkdtemp(join(tmpdir(), "qac-serve-"));
    sim = await startSimulator({ clock: "virtual" });
    const run = serve(["--port", "0", "--db", join(dir, "status.db"), "--poll-interval", "1s"], {
      QAC_STATUS_TOKEN: TOKEN,
      QAC_URL: sim.url,
      QAC_USER: "demo@qac.example",
      QAC_PASSWORD: "demo",
    });
    await expect.poll(() => urlOf(run.out()), { timeout: 10_000 }).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const url = urlOf(run.out())!;
    expect(run.out()).toContain(`Live status from ${sim.url}/rest-api/service every 1000 ms`);
    const health = (await (await fetch(`${url}/healthz`)).json()) as { poller: { enabled: boolean } };
    expect(health.poller.enabled).toBe(true);
    const denied = await fetch(`${url}/api/v1/leases`, {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    expect(denied.status).toBe(401);
    run.stop("SIGTERM");
    expect(await run.exit).toBe(0);
    expect(run.out()).toContain("SIGTERM: shutting down");
    expect(run.out()).not.toContain("demo@qac.example:demo");
  });

  it("logs one JSON line per request and per poll round at --log-level, with no token or password", async () => {
    dir = await mkdtemp(join(tmpdir(), "qac-serve-"));
    sim = await startSimulator({ clock: "virtual" });
    const password = "demo";
    const run = serve(["--port", "0", "--db", join(dir, "status.db"), "--poll-interval", "1s"], {
      QAC_STATUS_TOKEN: TOKEN,
      QAC_URL: sim.url,
      QAC_USER: "demo@qac.example",
      QAC_PASSWORD: password,
    });
    await expect.poll(() => urlOf(run.out()), { timeout: 10_000 }).toBeDefined();
    const url = urlOf(run.out())!;
    const report = {
      version: 1,
      plan: { name: "nightly", file: "nightly.yaml" },
      project: { id: 1001, name: "Web Shop" },
      applyIdentity: null,
      startedAt: "2026-12-01T09:00:00.000Z",
      finishedAt: "2026-12-01T09:00:05.000Z",
      status: "succeeded",
      ci: null,
      user: null,
      summary: { created: 1, satisfied: 0, failed: 0, notStarted: 0 },
      runs: [
        {
          identity: "test:Login",
          runKey: "test:2001",
          kind: "test",
          testId: 2001,
          testSetId: null,
          title: "Login",
          configuration: null,
          release: null,
          host: null,
          decision: "create",
          outcome: "created",
          runId: 120001,
          reason: "no run yet",
          status: "Awaiting Run",
        },
      ],
    };
    const headers = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
    expect(
      (await fetch(`${url}/api/v1/applies`, { method: "POST", headers, body: JSON.stringify(report) })).status,
    ).toBe(201);
    expect((await fetch(`${url}/api/v1/plans?x=1`, { headers: { authorization: "Bearer wrong" } })).status).toBe(400);
    const lines = () =>
      run
        .out()
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    const polledRun = () => lines().find((l) => l["msg"] === "poll round" && l["runs"] === 1);
    await expect.poll(polledRun, { timeout: 10_000 }).toBeDefined();
    run.stop("SIGTERM");
    expect(await run.exit).toBe(0);
    expect(lines().filter((l) => l["msg"] === "request")).toEqual([
      expect.objectContaining({ level: 30, method: "POST", path: "/api/v1/applies", statusCode: 201 }),
      expect.objectContaining({ level: 30, method: "GET", path: "/api/v1/plans", statusCode: 400 }),
    ]);
    expect(polledRun()).toMatchObject({ level: 30, calls: 1, error: null });
    for (const secret of [TOKEN, "wrong", password, Buffer.from(`demo@qac.example:${password}`).toString("base64")])
      expect(run.out() + run.err()).not.toContain(secret);

    const quiet = serve(["--port", "0", "--db", join(dir, "quiet.db"), "--log-level", "warn"], {
      QAC_STATUS_TOKEN: TOKEN,
    });
    await expect.poll(() => urlOf(quiet.out()), { timeout: 10_000 }).toBeDefined();
    await fetch(`${urlOf(quiet.out())!}/healthz`);
    quiet.stop("SIGTERM");
    expect(await quiet.exit).toBe(0);
    expect(quiet.out()).not.toContain("{");
  });

  it("refuses to start without QAC_STATUS_TOKEN and says how to set one", async () => {
    dir = await mkdtemp(join(tmpdir(), "qac-serve-"));
    const run = serve(["--port", "0", "--db", join(dir, "status.db")], {});
    expect(await run.exit).toBe(1);
    expect(run.err()).toMatchInlineSnapshot(`
      "qac: QAC_STATUS_TOKEN is missing: qac serve needs it for writes and leases; set it to a random secret of at least 16 characters, e.g. $(openssl rand -hex 24).
      "
    `);
    const short = serve(["--port", "0", "--db", join(dir, "status.db")], { QAC_STATUS_TOKEN: "abc" });
    expect(await short.exit).toBe(1);
    expect(short.err()).toMatchInlineSnapshot(`
      "qac: QAC_STATUS_TOKEN is too short (3 characters); set it to a random secret of at least 16 characters, e.g. $(openssl rand -hex 24).
      "
    `);
    expect(existsSync(join(dir, "status.db"))).toBe(false);
  });

  it("refuses a poll interval under a second and shows the default with its unit", async () => {
    dir = await mkdtemp(join(tmpdir(), "qac-serve-"));
    const run = serve(["--port", "0", "--db", join(dir, "status.db"), "--poll-interval", "0"], {
      QAC_STATUS_TOKEN: TOKEN,
    });
    expect(await run.exit).toBe(1);
    expect(run.err()).toContain(
      `option '--poll-interval <duration>' argument '0' is invalid. must be at least 1s so QAComplete is not ` +
        `flooded, got "0".`,
    );
    const help = serve(["--help"], {});
    await help.exit;
    expect(help.out().replace(/\s+/g, " ")).toContain(
      "--poll-interval <duration> pause between live-status refreshes, at least 1s (e.g. 5s, 1m) (default: 5s)",
    );
  });

  it("says the port is in use and to choose another --port", async () => {
    dir = await mkdtemp(join(tmpdir(), "qac-serve-"));
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const run = serve(["--port", String(port), "--db", join(dir, "status.db")], { QAC_STATUS_TOKEN: TOKEN });
      expect(await run.exit).toBe(1);
      expect(run.err()).toContain(
        `Cannot listen on 127.0.0.1:${port}: the port is already in use (another qac serve?); stop that server or ` +
          `choose another --port.`,
      );
      expect(run.out()).toBe("");
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it("runs without live status when no QAComplete connection is configured", async () => {
    dir = await mkdtemp(join(tmpdir(), "qac-serve-"));
    const run = serve(["--port", "0", "--db", join(dir, "status.db")], { QAC_STATUS_TOKEN: TOKEN });
    await expect.poll(() => urlOf(run.out()), { timeout: 10_000 }).toBeDefined();
    expect(run.out()).toContain("Live status off");
    run.stop("SIGINT");
    expect(await run.exit).toBe(0);
  });

  it("limits live-update streams per client address with --max-event-streams-per-client", async () => {
    dir = await mkdtemp(join(tmpdir(), "qac-serve-"));
    const run = serve(["--port", "0", "--db", join(dir, "status.db"), "--max-event-streams-per-client", "1"], {
      QAC_STATUS_TOKEN: TOKEN,
    });
    await expect.poll(() => urlOf(run.out()), { timeout: 10_000 }).toBeDefined();
    const url = urlOf(run.out())!;
    const first = new AbortController();
    expect((await fetch(`${url}/events`, { signal: first.signal })).status).toBe(200);
    const second = await fetch(`${url}/events`);
    expect(second.status).toBe(429);
    expect(((await second.json()) as { error: { message: string } }).error.message).toContain(
      "at most 1 per client address",
    );
    first.abort();
    run.stop("SIGTERM");
    expect(await run.exit).toBe(0);
  });

  it("warns when it binds beyond this machine, and about open reads unless --protect-reads", () => {
    expect(exposureWarning("127.0.0.1", false)).toBeNull();
    expect(exposureWarning("::1", false)).toBeNull();
    expect(exposureWarning("0.0.0.0", false)).toBe(
      "Warning: listening on 0.0.0.0, beyond this machine. Tokens travel in clear over plain http; put a TLS proxy " +
        "in front. Reads are open: anyone who can reach it sees plans, runs and CI links; add --protect-reads.",
    );
    expect(exposureWarning("0.0.0.0", true)).toBe(
      "Warning: listening on 0.0.0.0, beyond this machine. Tokens travel in clear over plain http; put a TLS proxy " +
        "in front.",
    );
  });
});
