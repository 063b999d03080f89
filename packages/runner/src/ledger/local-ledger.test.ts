import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isRunnerError } from "../errors.js";
import { createLocalLedger } from "./local-ledger.js";
import { createRecorder } from "./coalescing-recorder.js";

describe("createLocalLedger", () => {
  it("records runs per project and apply identity, keeps the first run of an identity, and leaves no temp files", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qac-state-"));
    const file = join(dir, "nested", "state.json");
    const ledger = createLocalLedger(file);
    expect(await ledger.read(1001, "sha-1")).toEqual({});
    await Promise.all([
      ledger.record(1001, "sha-1", [{ identity: "a", runId: 1 }]),
      ledger.record(1001, "sha-1", [{ identity: "b", runId: 2 }]),
      ledger.record(1002, "sha-1", [{ identity: "a", runId: 9 }]),
    ]);
    await ledger.record(1001, "sha-1", [{ identity: "a", runId: 5 }]);
    expect(await ledger.read(1001, "sha-1")).toEqual({ a: 1, b: 2 });
    expect(await ledger.read(1001, "sha-2")).toEqual({});
    expect(await createLocalLedger(file).read(1002, "sha-1")).toEqual({ a: 9 });
    expect(await readdir(join(dir, "nested"))).toEqual(["state.json"]);
    expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({ version: 1 });
  });

  it("keeps every record when two processes write the state file at the same time (two plans applied at once)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qac-state-"));
    const file = join(dir, "state.json");
    // Two ledgers on one file stand for two qac processes: each serialises only its own writes.
    const a = createLocalLedger(file);
    const b = createLocalLedger(file);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => [
        a.record(1001, "sha-1", [{ identity: `a${i}`, runId: i }]),
        b.record(1001, "sha-1", [{ identity: `b${i}`, runId: 100 + i }]),
      ]).flat(),
    );
    expect(Object.keys(await a.read(1001, "sha-1"))).toHaveLength(40);
    expect((await readdir(dir)).sort()).toEqual(["state.json"]);
  });

  it("breaks a state file lock left behind by a process that is gone", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qac-state-"));
    const file = join(dir, "state.json");
    // PIDs above the kernel's limit (4194304) never run.
    await writeFile(`${file}.lock`, `99999999@${hostname()}`);
    await createLocalLedger(file).record(1001, "sha-1", [{ identity: "a", runId: 1 }]);
    expect(await createLocalLedger(file).read(1001, "sha-1")).toEqual({ a: 1 });
    expect(await readdir(dir)).toEqual(["state.json"]);
  });

  it("refuses a file that is not a qac state file, saying how to fix it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qac-state-"));
    await writeFile(join(dir, "state.json"), "{ not json");
    const error = await createLocalLedger(join(dir, "state.json"))
      .read(1, "x")
      .catch((e: unknown) => e);
    expect(isRunnerError(error, "RUNNER_STATE_FILE")).toBe(true);
    expect((error as Error).message).toContain("move it away to start afresh");
  });

  it("batches entries that arrive while a write is in flight", async () => {
    const writes: number[] = [];
    const store = {
      read: () => Promise.resolve({}),
      record: async (_p: number, _a: string, e: readonly unknown[]) =>
        void (writes.push(e.length), await new Promise((r) => setTimeout(r, 5))),
    };
    const recorder = createRecorder(store, 1, "x");
    for (let i = 0; i < 10; i += 1) recorder.add({ identity: String(i), runId: i });
    await recorder.flush();
    expect(writes).toEqual([1, 9]);
  });
});
