import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isRunnerError } from "../errors.js";
import { createLocalLedger } from "./local-ledger.js";
import { createRecorder } from "./coalescing-recorder.js";

describe("createLocalLedger", () => {
  it("records runs per project and apply identity, refuses another run for one, and leaves no temp files", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qac-state-"));
    const file = join(dir, "nested", "state.json");
    const ledger = createLocalLedger(file);
    expect(await ledger.read(1001, "sha-1")).toEqual({});
    await Promise.all([
      ledger.record(1001, "sha-1", [{ identity: "a", runId: 1 }]),
      ledger.record(1001, "sha-1", [{ identity: "b", runId: 2 }]),
      ledger.record(1002, "sha-1", [{ identity: "a", runId: 9 }]),
    ]);
    await ledger.record(1001, "sha-1", [{ identity: "a", runId: 1 }]); // the same again: a no-op
    const conflict = await ledger.record(1001, "sha-1", [{ identity: "a", runId: 5 }]).catch((e: unknown) => e);
    expect(isRunnerError(conflict, "RUNNER_LEDGER_CONFLICT")).toBe(true);
    const run = (runId: number) => ({ runId, intentAt: null });
    expect(await ledger.read(1001, "sha-1")).toEqual({ a: run(1), b: run(2) });
    expect(await ledger.read(1001, "sha-2")).toEqual({});
    expect(await createLocalLedger(file).read(1002, "sha-1")).toEqual({ a: run(9) });
    expect(await readdir(join(dir, "nested"))).toEqual(["state.json"]);
    expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({ version: 2 });
  });

  it("keeps an intent until its run id arrives, and never lets an intent replace a run id", async () => {
    const ledger = createLocalLedger(join(await mkdtemp(join(tmpdir(), "qac-state-")), "state.json"));
    const at = "2026-12-03T10:00:00.000Z";
    await ledger.record(1001, "sha", [
      { identity: "a", runId: null, intentAt: at },
      { identity: "b", runId: 7 },
    ]);
    await ledger.record(1001, "sha", [{ identity: "b", runId: null, intentAt: at }]);
    expect(await ledger.read(1001, "sha")).toEqual({
      a: { runId: null, intentAt: at },
      b: { runId: 7, intentAt: null },
    });
    await ledger.record(1001, "sha", [{ identity: "a", runId: 8 }]);
    expect((await ledger.read(1001, "sha"))["a"]).toEqual({ runId: 8, intentAt: at });
  });

  it("reads a state file written by an earlier version (identity → run id)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qac-state-"));
    await writeFile(join(dir, "state.json"), JSON.stringify({ version: 1, oncePer: { "1001": { sha: { a: 3 } } } }));
    expect(await createLocalLedger(join(dir, "state.json")).read(1001, "sha")).toEqual({
      a: { runId: 3, intentAt: null },
    });
  });

  it("keeps every record when two processes write the state file at once (two plans applied at once)", async () => {
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
    expect(await createLocalLedger(file).read(1001, "sha-1")).toEqual({ a: { runId: 1, intentAt: null } });
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
    const added = Array.from({ length: 10 }, (_, i) => recorder.add({ identity: String(i), runId: i }));
    expect(await recorder.flush()).toEqual([]);
    await Promise.all(added);
    expect(writes).toEqual([1, 9]);
  });
});
