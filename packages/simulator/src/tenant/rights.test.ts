import { describe, expect, it } from "vitest";
import { aclOf, expandRights, hasAnyRight } from "./rights.js";

describe("rights", () => {
  it("gives acl 7 for full rights and 1 for read-only", () => {
    expect(aclOf(expandRights("full"), "test_library")).toBe(7);
    expect(aclOf(expandRights("read"), "releases")).toBe(1);
  });

  it("computes acl per area from explicit lists", () => {
    const rights = expandRights({ test_library: ["read", "add", "update"], test_sets: ["read", "delete"] });
    expect(aclOf(rights, "test_library")).toBe(3);
    expect(aclOf(rights, "test_sets")).toBe(5);
    expect(aclOf(rights, "releases")).toBe(0);
  });

  it("treats none and missing rights as no access", () => {
    expect(hasAnyRight(expandRights("none"))).toBe(false);
    expect(hasAnyRight(undefined)).toBe(false);
    expect(aclOf(undefined, "test_library")).toBe(0);
  });
});
