import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));

describe("pnpm start (scripts/demo.mjs --once) with the status server", () => {
  it("records the demo applies and shows the runs moving from Awaiting Run to Passed or Failed", async () => {
    const { code, out } = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const proc = spawn(process.execPath, ["--import", "tsx", "--conditions=qac-source", "scripts/demo.mjs", "--once"], { cwd: root, env: { ...process.env, QAC_DEMO_FROM_SOURCE: "1", NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
      let text = "";
      proc.stdout.on("data", (d: Buffer) => void (text += d.toString()));
      proc.stderr.on("data", (d: Buffer) => void (text += d.toString()));
      proc.on("error", reject);
      proc.on("exit", (c) => resolve({ code: c, out: text }));
    });
    expect(out).toMatch(/Status server: http:\/\/127\.0\.0\.1:\d+\//);
    expect(out).toMatch(/Report sent to http:\/\/127\.0\.0\.1:\d+ \(apply 1\)/);
    expect(out).toMatch(/recorded 2 applies of smoke; runs of apply #1:/);
    expect(out).toMatch(/run \d+ {2}Checkout smoke: Awaiting Run -> Failed/);
    expect(out).toMatch(/run \d+ {2}Log in with e-mail and password: Awaiting Run -> Passed/);
    expect(code).toBe(0);
  }, 60_000);
});
