import { mkdtemp, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runSimulatorCommand, type SimulatorCommandOptions } from "./run-simulator-command.js";

/** Runs the command until it printed its banner (or failed), then stops it like a signal would. */
async function run(options: SimulatorCommandOptions, cwd?: string) {
  const out: string[] = [];
  const err: string[] = [];
  let stop!: (signal: string) => void;
  const stopped = new Promise<string>((resolve) => (stop = resolve));
  const running = runSimulatorCommand(
    { port: 0, clock: "virtual", ...options },
    {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s) },
      waitForStop: () => stopped,
      cwd,
    },
  );
  let settled = false;
  void running.finally(() => (settled = true));
  for (let waited = 0; !settled && !out.join("").includes("Press Ctrl+C") && waited < 10_000; waited += 20)
    await new Promise((resolve) => setTimeout(resolve, 20));
  const url = /listening on (\S+)/.exec(out.join(""))?.[1];
  const reachable = url ? (await fetch(`${url}/rest-api/service/api/v1/projects`)).status : undefined;
  stop("SIGTERM");
  return { code: await running, stdout: out.join(""), stderr: err.join(""), reachable };
}

const OTHER_SEED = `version: 1
users:
  - { id: 1, email: ops@example.com, password: s3cret-pw, first_name: O, last_name: P, rights: { "10": full } }
projects:
  - { id: 10, name: Internal }
`;

describe("runSimulatorCommand (pnpm sim and qac sim)", () => {
  it("prints the URLs, the mode and the demo logins of the demo seed, and stops on a signal", async () => {
    const result = await run({ strict: true, maxPageSize: 5 });
    expect(result.code).toBe(0);
    expect(result.reachable).toBe(401);
    const lines = result.stdout.replace(/127\.0\.0\.1:\d+/g, "HOST").split("\n");
    expect(lines.slice(0, 9)).toEqual([
      "QAComplete simulator listening on http://HOST",
      "  REST API:       http://HOST/rest-api/service/api/v2/...",
      "  Automation API: http://HOST/rest-api/service/automation/v2/...",
      expect.stringMatching(/^ {2}Seed: {11}\/.*\/demo-seed\.yaml \(clock: virtual\)$/),
      "  Mode:           strict (page cap 5, undocumented filters refused, servicestack error bodies, irregular runs)",
      "  Demo logins (public demo data):",
      "    demo@qac.example / demo  (1001:full, 1002:full)",
      "    viewer@qac.example / viewer  (1001:read)",
      "    tester@qac.example / tester  (1001:custom, 1002:read)",
    ]);
    expect(lines.slice(9)).toEqual(["Press Ctrl+C to stop.", "", "SIGTERM: shutting down", ""]);
  });

  it("never prints the passwords of another seed", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qac-sim-"));
    await writeFile(join(dir, "ops.yaml"), OTHER_SEED);
    const result = await run({ seed: "ops.yaml" }, dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "  Mode:           lenient\n  Logins:\n    ops@example.com / (password in the seed file)  (10:full)\n",
    );
    expect(result.stdout).not.toContain("s3cret-pw");
  });

  it("says in one line which port is taken and how to pick another (exit 1)", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const { port } = taken.address() as { port: number };
    try {
      const result = await run({ port });
      expect([result.code, result.stdout, result.stderr]).toEqual([
        1,
        "",
        `qac-simulator: port ${port} on 127.0.0.1 is already in use (another simulator?); ` +
          "stop it, or pass --port 0 for any free port\n",
      ]);
    } finally {
      taken.close();
    }
  });

  it("reports a bad seed file or option in one line with the caller's name (exit 2)", async () => {
    const out: string[] = [];
    const io = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => out.push(s) } };
    const never = () => new Promise<string>(() => undefined);
    expect(
      await runSimulatorCommand({ seed: "/nonexistent/seed.yaml" }, { ...io, waitForStop: never, name: "qac" }),
    ).toBe(2);
    expect(await runSimulatorCommand({ port: 0, maxPageSize: 0 }, { ...io, waitForStop: never })).toBe(2);
    expect(out).toEqual([
      expect.stringMatching(/^qac: Cannot read seed file \/nonexistent\/seed\.yaml: .*\n$/),
      "qac-simulator: maxPageSize must be a whole number >= 1, got 0\n",
    ]);
  });
});
