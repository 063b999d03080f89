import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const main = fileURLToPath(new URL("../main.ts", import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", main, ...args], { encoding: "utf8", timeout: 20_000 });

describe("main.ts", () => {
  it("exits 2 with one clear line for a bad flag", () => {
    const result = run("--port", "http");
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([
      "qac-simulator: --port must be a whole number from 0 to 65535, got 'http' (see --help)",
    ]);
  });

  it("exits 1 saying which port is taken and how to pick another", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const { port } = taken.address() as { port: number };
    try {
      const result = run("--port", String(port));
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split("\n")).toEqual([
        `qac-simulator: port ${port} on 127.0.0.1 is already in use (another simulator?); stop it, or pass --port 0 ` +
          `for any free port`,
      ]);
    } finally {
      taken.close();
    }
  });

  it("exits 2 naming the file for a seed that does not exist", () => {
    const result = run("--seed", "/nonexistent/seed.yaml");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^qac-simulator: Cannot read seed file \/nonexistent\/seed.yaml/);
  });
});
