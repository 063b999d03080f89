import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startStatusServer } from "./start-status-server.js";
import { TOKEN } from "./test-support/fixtures.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "qac-start-"));
  dirs.push(dir);
  return dir;
};

describe("startStatusServer", () => {
  it("listens on 127.0.0.1 and creates the database directory", async () => {
    const dir = tempDir();
    const server = await startStatusServer({ token: TOKEN, port: 0, dbFile: join(dir, "nested", "status.db") });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await server.close();
  });

  it("refuses a missing token and a bad port with a message that says how to fix it", async () => {
    await expect(startStatusServer({ token: "", port: 0, dbFile: ":memory:" })).rejects.toThrow(
      /QAC_STATUS_TOKEN.*16 characters/,
    );
    await expect(startStatusServer({ token: TOKEN, port: 70000, dbFile: ":memory:" })).rejects.toThrow(
      "--port must be a whole number 0..65535, got 70000.",
    );
  });

  it("names the variable or flag to fix, and creates no database file, when it refuses to start", async () => {
    const file = join(tempDir(), "status.db");
    await expect(startStatusServer({ token: "", port: 0, dbFile: file })).rejects.toThrow(
      "QAC_STATUS_TOKEN is missing (option `token`); set it to a random secret of at least 16 characters (e.g. " +
        "`openssl rand -hex 24`).",
    );
    await expect(
      startStatusServer({ token: TOKEN, port: 0, dbFile: file, runLinkTemplate: "ftp://x" }),
    ).rejects.toThrow(
      "The run link (qac serve --run-link, option `runLinkTemplate`) must be an http(s) URL containing {runId}, got " +
        '"ftp://x".',
    );
    await expect(
      startStatusServer({ token: TOKEN, port: 0, dbFile: file, maxEventStreamsPerClient: 0 }),
    ).rejects.toThrow(
      "--max-event-streams-per-client (option `maxEventStreamsPerClient`) must be a whole number of at least 1, got 0.",
    );
    expect(existsSync(file)).toBe(false);
  });

  it("says the port is in use and to choose another --port", async () => {
    const dir = tempDir();
    const first = await startStatusServer({ token: TOKEN, port: 0, dbFile: join(dir, "a.db") });
    const port = Number(new URL(first.url).port);
    try {
      const error = await startStatusServer({ token: TOKEN, port, dbFile: join(dir, "b.db") }).catch((e: unknown) => e);
      expect((error as { code?: string }).code).toBe("STATUS_CONFIG");
      expect((error as Error).message).toBe(
        `Cannot listen on 127.0.0.1:${port}: the port is already in use (another qac serve?); stop that server or ` +
          `choose another --port.`,
      );
    } finally {
      await first.close();
    }
  });
});
