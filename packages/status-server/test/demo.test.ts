import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));

// The demo (`pnpm start`) spans the simulator, the runner and the status server; it is tested here,
// in the package that depends on all of them, once.
describe("pnpm start (scripts/demo.mjs --once)", () => {
  it("previews, applies, waits, applies again creating nothing; the status server shows the runs finish", async () => {
    const { code, out } = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const proc = spawn(
        process.execPath,
        ["--import", "tsx", "--conditions=qac-source", "scripts/demo.mjs", "--once"],
        {
          cwd: root,
          env: { ...process.env, QAC_DEMO_FROM_SOURCE: "1", NO_COLOR: "1" },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let text = "";
      proc.stdout.on("data", (d: Buffer) => void (text += d.toString()));
      proc.stderr.on("data", (d: Buffer) => void (text += d.toString()));
      proc.on("error", reject);
      proc.on("exit", (c) => resolve({ code: c, out: text }));
    });
    expect(out).toMatch(/QAComplete simulator: http:\/\/127\.0\.0\.1:\d+/);
    expect(out).toContain("demo@qac.example / demo");
    expect(out).toContain("2 to create (1 forced), 0 already satisfied");
    expect(out).toContain("Applied smoke to Web Shop (1001): 2 created, 0 satisfied, 0 create errors, 0 not started");
    expect(out).toMatch(/Failed: 1 of 2 runs did not pass: \d+ \(Failed\)/);
    expect(out).toContain("Applied smoke to Web Shop (1001): 0 created, 2 satisfied, 0 create errors, 0 not started");
    expect(out).toMatch(/Status server: http:\/\/127\.0\.0\.1:\d+\//);
    expect(out).toMatch(/Report sent to http:\/\/127\.0\.0\.1:\d+ \(apply 1\)/);
    expect(out).toMatch(/recorded 2 applies of smoke; runs of apply #1:/);
    expect(out).toMatch(/run \d+ {2}Checkout smoke: Awaiting Run -> Failed/);
    expect(out).toMatch(/run \d+ {2}Log in with e-mail and password: Awaiting Run -> Passed/);
    expect(code).toBe(0);
  }, 60_000);
});
