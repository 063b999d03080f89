import { describe, expect, it } from "vitest";
import type { DuplicateRunMode } from "./runs/create-run.js";
import { createSimulator, startSimulator } from "./start-simulator.js";

describe("startSimulator options", () => {
  it.each([
    [{ clock: "fast" as "real" }, 'clock must be "real" or "virtual", got fast'],
    [
      { duplicateRunMode: "reuse" as DuplicateRunMode },
      "duplicateRunMode must be one of same-test, full-key, error, full-key-error, got reuse",
    ],
    [{ port: 70_000 }, "port must be a whole number 0..65535, got 70000"],
  ])("refuses %j with SIM_OPTIONS", (options, message) => {
    expect(() => createSimulator(options)).toThrow(
      expect.objectContaining({ name: "SimulatorError", code: "SIM_OPTIONS", message }),
    );
  });

  it("binds to 127.0.0.1 unless told otherwise", async () => {
    const sim = await startSimulator({ clock: "virtual" });
    try {
      expect(sim.app.server.address()).toMatchObject({ address: "127.0.0.1" });
      expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await sim.close();
    }
  });
});
