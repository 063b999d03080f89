import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./parse-cli-args.js";

describe("parseCliArgs", () => {
  it("defaults to port 8787 on 127.0.0.1 with the real clock", () => {
    expect(parseCliArgs([])).toEqual({ help: false, options: { port: 8787, host: "127.0.0.1", clock: "real" } });
  });

  it("reads every flag", () => {
    expect(
      parseCliArgs([
        "--seed",
        "s.yaml",
        "--port",
        "0",
        "--host",
        "0.0.0.0",
        "--clock",
        "virtual",
        "--duplicate-run-mode",
        "error",
        "--latency-ms",
        "25",
        "--strict",
        "--max-page-size",
        "5",
        "--speed",
        "1000",
      ]),
    ).toEqual({
      help: false,
      options: {
        seed: "s.yaml",
        port: 0,
        host: "0.0.0.0",
        clock: "virtual",
        duplicateRunMode: "error",
        faults: [{ latencyMs: 25 }],
        strict: true,
        maxPageSize: 5,
        speed: 1000,
      },
    });
  });

  it("recognises --help", () => {
    expect(parseCliArgs(["--help"])).toEqual({ help: true });
  });

  it.each([
    [["--port", "http"], "--port must be a whole number from 0 to 65535, got 'http' (see --help)"],
    [["--port", "70000"], "--port must be a whole number from 0 to 65535, got '70000' (see --help)"],
    [["--clock", "fast"], "--clock must be real or virtual, got 'fast' (see --help)"],
    [
      ["--duplicate-run-mode", "reuse"],
      "--duplicate-run-mode must be same-test, full-key, error, full-key-error, got 'reuse' (see --help)",
    ],
    [["--latency-ms=-5"], "--latency-ms must be a whole number from 0 to 600000, got '-5' (see --help)"],
    [["--max-page-size", "0"], "--max-page-size must be a whole number from 1 to 1000000, got '0' (see --help)"],
    [["--strict=yes"], "Option '--strict' does not take an argument (see --help)"],
  ])("rejects %j with one clear line", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrowError(message);
  });

  it("rejects unknown flags and stray arguments with code SIM_CLI_ARGS", () => {
    expect(() => parseCliArgs(["--colour"])).toThrowError(
      expect.objectContaining({ code: "SIM_CLI_ARGS", message: expect.stringMatching(/Unknown option '--colour'/) }),
    );
    expect(() => parseCliArgs(["seed.yaml"])).toThrowError(/Unexpected argument 'seed.yaml'/);
    expect(() => parseCliArgs(["--port"])).toThrowError(/--port/);
  });
});
