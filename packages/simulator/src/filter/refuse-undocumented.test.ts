import { describe, expect, it } from "vitest";
import { compileFilter } from "./compile-filter.js";
import type { EntityFields } from "./resolve-field.js";

const RUN: EntityFields = {
  entity: "test run",
  fields: {
    id: "number",
    test_set_id: "number",
    status_code: "string",
    is_sequential: "boolean",
    date_started: "date",
    test_host: "string",
  },
  aliases: { status: "status_code" },
};
const strict = (filter: string) => compileFilter(filter, RUN, { strict: true });

describe("strict filters (reference §13: in {..} takes numeric constants only)", () => {
  it("refuses a string in-list, naming the value's column and the documented rewrite", () => {
    expect(() => strict("StatusCode in {'Awaiting Run','Paused'}")).toThrow(
      expect.objectContaining({
        code: "SIM_FILTER_UNDOCUMENTED",
        position: 15,
        message:
          "'in {...}' takes numeric constants only, found string 'Awaiting Run'; write " +
          "(StatusCode = 'Awaiting Run') OR (StatusCode = 'Paused') instead (at column 16)",
      }),
    );
  });

  it("refuses string and boolean not-in lists, also nested in parentheses", () => {
    expect(() => strict("(Id > 1) AND (status not in {'Passed'})")).toThrowError(
      "'not in {...}' takes numeric constants only, found string 'Passed'; write (status != 'Passed') instead",
    );
    expect(() => strict("IsSequential in {true}")).toThrowError(/found boolean true; write \(IsSequential = true\)/);
  });

  it("accepts every documented form", () => {
    for (const filter of [
      "Id = 1",
      "Id != 1",
      "Id > 1",
      "Id < 1",
      "Id >= 1",
      "Id <= 1",
      "TestSetId in {6101, 6102}",
      "TestSetId not in {6101}",
      "TestSetId is empty",
      "TestSetId is not empty",
      "StatusCode = 'Passed'",
      "StatusCode != 'Passed'",
      "StatusCode ~ 'Await'",
      "TestHost is 'build-agent-01'",
      "TestHost is not 'build-agent-01'",
      "IsSequential = true",
      "(Id = 1) OR (NOT (Id = 2) AND (StatusCode = 'Passed'))",
      "testSetId=6101 and id>=1",
      "(dateStarted >='2026-12-01')",
    ])
      expect(() => strict(filter), filter).not.toThrow();
  });

  it("is lenient without strict", () => {
    expect(() => compileFilter("StatusCode in {'Awaiting Run','Paused'}", RUN)).not.toThrow();
  });
});
