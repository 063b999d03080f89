import { describe, expect, it } from "vitest";
import { dryParse } from "./dry-parse.js";

describe("dryParse", () => {
  it("accepts a real command line and runs nothing", async () => {
    const result = await dryParse([
      "apply",
      "examples/plans/smoke.yaml",
      "--once-per",
      "abc123",
      "--wait",
      "--timeout",
      "30m",
      "--junit",
      "results.xml",
    ]);
    expect(result).toMatchObject({ ok: true, command: "apply" });
  });

  it("rejects an unknown option, a bad choice, a bad duration and an unknown command", async () => {
    for (const args of [
      ["plan", "a.yaml", "--formt", "markdown"],
      ["plan", "a.yaml", "--format", "html"],
      ["apply", "a.yaml", "--wait", "--timeout", "soon"],
      ["deploy", "a.yaml"],
      ["plan"],
    ]) {
      const result = await dryParse(args);
      expect(result.ok, args.join(" ")).toBe(false);
    }
  });
});
