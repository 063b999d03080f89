import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import type { TestRun, TestRunItem } from "@qac/core";
import { renderJunit } from "./render-junit.js";

/** Names someone with edit rights in QAComplete could write. */
const HOSTILE = [
  "\u001b]0;pwned\u0007osc",
  "\u001b[2J\u001b[31mred",
  "ok\rFAKE",
  "nul\u0000byte",
  "x\n::error title=injected::owned",
  "abc\u202edcba",
  "\u009b31mC1",
];

describe("renderJunit with hostile names", () => {
  it("stays valid XML, keeps every value on its line and drops control and bidi characters", async () => {
    const runs = HOSTILE.map(
      (name, i) =>
        ({
          id: i + 1,
          test_set_id: 5,
          test_set_name: name,
          release_id: 0,
          project_id: 1,
          status_code: "Failed",
          configuration_name: name,
          release_name: name,
          test_host: name,
        }) as unknown as TestRun,
    );
    const items = new Map(
      runs.map((r) => [r.id, [{ id: r.id, test_id: 2, test_name: r.test_set_name, status_code: "Failed" }]] as const),
    );
    const xml = renderJunit(runs, items as unknown as Map<number, TestRunItem[]>, { name: HOSTILE[4] });
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(xml).not.toMatch(/^\s*::/m);
    expect(xml).toContain('<testsuites name="x&#10;::error title=injected::owned"');
    expect(xml).toContain(
      "<system-out>configuration: abcdcba\nrelease: abcdcba\nhost: abcdcba\nstatus: Failed\nrun: 6",
    );
    const xsd = await readFile(new URL("../../test/junit-schema.xsd", import.meta.url), "utf8");
    const result = await validateXML({
      xml: [{ fileName: "r.xml", contents: xml }],
      schema: [{ fileName: "junit.xsd", contents: xsd }],
    });
    expect(result.errors).toEqual([]);
  });
});
