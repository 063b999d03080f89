import { describe, expect, it } from "vitest";
import { describeHolder } from "./describe-holder.js";

describe("describeHolder", () => {
  it("names the holder, its host, process and CI job, whichever are known", () => {
    expect(describeHolder({ name: "qac apply", host: "build-7", pid: 4242, ciJob: "42", plan: "smoke" })).toBe(
      "qac apply on build-7, pid 4242, job 42",
    );
    expect(describeHolder({ name: "nightly", ciJob: "42" })).toBe("nightly, job 42");
    expect(describeHolder({ name: "nightly" })).toBe("nightly");
  });
});
