import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startStatusServer } from "./start-status-server.js";
import { TOKEN } from "./test-support/fixtures.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("startStatusServer", () => {
  it("listens on 127.0.0.1 and creates the database directory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qac-start-"));
    dirs.push(dir);
    const server = await startStatusServer({ token: TOKEN, port: 0, dbFile: join(dir, "nested", "status.db") });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await server.close();
  });

  it("refuses a missing token and a bad port with a message that says how to fix it", async () => {
    await expect(startStatusServer({ token: "", port: 0, dbFile: ":memory:" })).rejects.toThrow(/QAC_STATUS_TOKEN.*16 characters/);
    await expect(startStatusServer({ token: TOKEN, port: 70000, dbFile: ":memory:" })).rejects.toThrow("--port must be a whole number 0..65535, got 70000.");
  });
});
