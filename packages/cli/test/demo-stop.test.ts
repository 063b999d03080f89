import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));

// `pnpm start` runs `exec node scripts/demo.mjs`: on Ctrl-C the terminal sends SIGINT to the demo and
// pnpm sends it a second one. The demo must end with its own line and exit 0, or pnpm prints
// "ELIFECYCLE Command failed" last.
describe("pnpm start, stopped with Ctrl-C", () => {
  it("says which ports it uses, then ends with its own 'stopped' line and exit 0 after two SIGINTs", async () => {
    const proc = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=qac-source", "scripts/demo.mjs", "--port=0", "--status-port=0"],
      {
        cwd: root,
        env: { ...process.env, QAC_DEMO_FROM_SOURCE: "1", NO_COLOR: "1" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    proc.stdout.on("data", (d: Buffer) => void (out += d.toString()));
    proc.stderr.on("data", (d: Buffer) => void (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => proc.on("exit", resolve));
    await expect.poll(() => out, { timeout: 50_000, interval: 200 }).toContain("Press Ctrl+C to stop.");
    proc.kill("SIGINT");
    proc.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(out.split("\n")[0]).toMatch(
      /^qac demo: QAComplete simulator on a free port, status server on a free port \(127\.0\.0\.1\)$/,
    );
    expect(out.trimEnd().split("\n").at(-1)).toMatch(
      new RegExp(
        String.raw`^qac demo: stopped \(SIGINT\); the simulator \(http://127\.0\.0\.1:\d+\) ` +
          String.raw`and the status server \(http://127\.0\.0\.1:\d+\) are closed\.$`,
      ),
    );
  }, 60_000);
});
