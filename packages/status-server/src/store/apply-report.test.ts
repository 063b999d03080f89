import type { ApplyReport } from "@qac/runner";
import { describe, expect, it } from "vitest";
import type { ApplyReportInput } from "./apply-report.js";
import { report } from "../test-support/fixtures.js";
import { expectSchema } from "../test-support/expect-schema.js";
import { applyReportSchema } from "../schema/apply-report-schema.js";

// Compile-time: every report the runner can build is one the server accepts.
const fromRunner = (r: ApplyReport): ApplyReportInput => r;

describe("apply report contract", () => {
  it("the fixture report is a valid apply-report.schema.json document", () => {
    expect(typeof fromRunner).toBe("function");
    expect(applyReportSchema().$id).toBe("https://qac.dev/schemas/apply-report.schema.json");
    expect(() => expectSchema("apply-report", report())).not.toThrow();
    expect(() => expectSchema("stored-apply", { ...report(), id: 1, receivedAt: "2026-12-01T09:00:00.000Z" })).not.toThrow();
  });
});
