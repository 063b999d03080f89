import { describe, expect, it } from "vitest";
import { QacCreateOutcomeUnknownError, QacError, isQacError } from "./errors.js";

describe("errors", () => {
  it("serialises to plain, credential-free JSON with the context and the reason of an unknown create", () => {
    const reason = new QacError("CORE_TIMEOUT", "slow", {
      method: "POST",
      path: "/p",
      requestId: "r1",
      attempt: 1,
      cause: new Error("aborted"),
    });
    const error = new QacCreateOutcomeUnknownError(reason, { TestId: 5 });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: "QacCreateOutcomeUnknownError",
      code: "CORE_CREATE_OUTCOME_UNKNOWN",
      method: "POST",
      path: "/p",
      requestId: "r1",
      requestBody: { TestId: 5 },
      reason: { code: "CORE_TIMEOUT", cause: { name: "Error", message: "aborted" } },
    });
    expect(isQacError(error, "CORE_CREATE_OUTCOME_UNKNOWN")).toBe(true);
    expect(isQacError(error, "CORE_TIMEOUT")).toBe(false);
    expect(isQacError(new Error("x"))).toBe(false);
  });
});
