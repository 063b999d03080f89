import { mkdir, readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { startSimulator } from "@qac/simulator";
import { describe, expect, it, vi } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));

describe("README", () => {
  it("runs its usage example against the simulator", async () => {
    const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
    const code = /```ts\n([\s\S]*?)```/.exec(readme)![1]!;
    const dir = new URL("./.generated/", import.meta.url);
    await mkdir(dir, { recursive: true });
    const file = new URL("readme-example.ts", dir);
    await writeFile(file, `${code}\nexport {};\n`);
    const sim = await startSimulator({ port: 0, clock: "virtual" });
    const logs: string[] = [];
    const log = vi
      .spyOn(console, "log")
      .mockImplementation((...args: unknown[]) => void logs.push(args.map(String).join(" ")));
    const cwd = process.cwd();
    process.env["QAC_URL"] = sim.url;
    try {
      process.chdir(root);
      await import(fileURLToPath(file));
    } finally {
      process.chdir(cwd);
      log.mockRestore();
      delete process.env["QAC_URL"];
      await sim.close();
    }
    expect(logs[0]).toMatch(/^p1001\/set:6101\/cfg:801\/rel:904\/host:101 /);
    expect(logs.at(-1)).toBe("6 API calls (minimum 6)");
  });
});
