import { describe, expect, it } from "vitest";
import { DUPLICATE_RUN_MODES as SIMULATOR_MODES } from "@qac/simulator/command";
import { CliError } from "../errors.js";
import { importOptional, type OptionalPackage } from "./import-optional.js";
import { DUPLICATE_RUN_MODES } from "./sim.js";

describe("importOptional", () => {
  it("says in one line which package to add when it is not installed", async () => {
    // A real resolution failure, for a package that exists nowhere.
    const missing = "@qac/no-such-package";
    const error = await importOptional(missing as OptionalPackage, "qac serve", () => import(missing)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).code).toBe("CLI_MISSING_PACKAGE");
    expect((error as CliError).message).toMatch(
      new RegExp(
        "^qac serve needs @qac/no-such-package, which is not installed; " +
          String.raw`add it with: npm install --save-dev @qac/no-such-package@\d+\.\d+\.\d+$`,
      ),
    );
  });

  it("rethrows any other failure to load the package (a broken install is not a missing one)", async () => {
    const broken = Object.assign(new Error("Cannot find package 'fastify' imported from ..."), {
      code: "ERR_MODULE_NOT_FOUND",
    });
    await expect(importOptional("@qac/simulator", "qac sim", () => Promise.reject(broken))).rejects.toBe(broken);
  });

  it("returns the module when it is installed", async () => {
    const mod = await importOptional("@qac/simulator", "qac sim", () => import("@qac/simulator/command"));
    expect(typeof mod.runSimulatorCommand).toBe("function");
  });
});

describe("qac sim --duplicate-run-mode", () => {
  it("offers exactly the simulator's modes, without loading the simulator for --help", () => {
    expect([...DUPLICATE_RUN_MODES]).toEqual([...SIMULATOR_MODES]);
  });
});
