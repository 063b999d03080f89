import { describe, expect, expectTypeOf, it } from "vitest";
import { parseId, toProjectId, toReleaseId, toTestId, type ReleaseId, type TestId } from "./ids.js";

describe("ids", () => {
  it("normalises the API's string project id to a number", () => {
    expect(toProjectId("11873")).toBe(11873);
    expect(toTestId(42)).toBe(42);
  });

  it("rejects ids that are not positive integers, naming the kind", () => {
    for (const bad of [0, -1, 1.5, Number.NaN, "abc", "", "12a", null, undefined, {}]) {
      expect(() => parseId(bad, "TestRunId")).toThrow(
        expect.objectContaining({ code: "CORE_INVALID_ARGUMENT", message: expect.stringContaining("TestRunId") }),
      );
    }
  });

  it("keeps a TestId from being passed as a ReleaseId", () => {
    const takesRelease = (id: ReleaseId): number => id;
    const testId = toTestId(5);
    // @ts-expect-error a TestId is not a ReleaseId
    takesRelease(testId);
    expect(takesRelease(toReleaseId(5))).toBe(5);
    expectTypeOf(testId).toEqualTypeOf<TestId>();
    expectTypeOf<number>().not.toMatchTypeOf<TestId>();
  });
});
