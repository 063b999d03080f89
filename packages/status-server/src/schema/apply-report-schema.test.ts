import { describe, expect, it } from "vitest";
import { report } from "../test-support/fixtures.js";
import { expectSchema } from "../test-support/expect-schema.js";
import { applyReportSchema } from "./apply-report-schema.js";

// The server stores the runner's `ApplyReport` type itself (no copy), so the fixtures type-check
// against what the runner builds; this checks they are also valid documents of the schema.
describe("apply report contract", () => {
  it("the fixture report is a valid apply-report.schema.json document", () => {
    expect(applyReportSchema().$id).toBe("https://qac.dev/schemas/apply-report.schema.json");
    expect(() => expectSchema("apply-report", report())).not.toThrow();
    expect(() =>
      expectSchema("stored-apply", { ...report(), id: 1, receivedAt: "2026-12-01T09:00:00.000Z" }),
    ).not.toThrow();
  });
});
