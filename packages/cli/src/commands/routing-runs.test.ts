/**
 * Issue 9, defect 1: a routing rule that matches only the resolved title (or id) made runs vanish
 * from `qac plan` and `qac apply` while `qac validate` counted them.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EXIT } from "../exit-codes.js";
import { runCli } from "../run-cli.js";
import { cliFixture } from "./test-support/cli-fixture.js";

const plan = (entry: string, when: string) => `version: 1
project: Web Shop
hosts: { windows: build-agent-01, linux: build-agent-02 }
routing:
  rules:
    - when: { testSet: ${when} }
      host: linux
  fallback: windows
entries:
  - testSet: ${entry}
`;

let f: Awaited<ReturnType<typeof cliFixture>>;
beforeEach(async () => void (f = await cliFixture()));
afterEach(() => f.sim.close());

describe("runs routed by the resolved title or id", () => {
  for (const [name, entry, when] of [
    ["entry by id, rule on the title", "6101", '"Checkout*"'],
    ["entry by title, rule on the id", "Checkout smoke", '"6101"'],
    ["entry by title, rule on the id written as a number", "Checkout smoke", "6101"],
    ["entry by title, rule on a list of an id and a pattern", "Checkout smoke", '[6199, "Nothing*", 6101]'],
  ] as const) {
    it(`${name}: plan shows the run on the rule's host and apply creates it`, async () => {
      await writeFile(join(f.dir, "routed.yaml"), plan(entry, when));
      const validate = f.io();
      expect(await runCli(["validate", "routed.yaml"], validate.io)).toBe(EXIT.OK);
      expect(validate.out()).toContain("1 run");
      const preview = f.io();
      expect(await runCli(["plan", "routed.yaml"], preview.io)).toBe(EXIT.OK);
      expect(preview.out()).toContain("1 to create, 0 already satisfied");
      expect(preview.out()).toMatch(/\+ create +set Checkout smoke .*build-agent-02/);
      const apply = f.io();
      const before = f.sim.runs.count();
      expect(await runCli(["apply", "routed.yaml", "--json"], apply.io)).toBe(EXIT.OK);
      const report = JSON.parse(apply.out()) as { runs: { outcome: string; host: { name: string } }[] };
      expect(report.runs.map((r) => [r.outcome, r.host.name])).toEqual([["created", "build-agent-02"]]);
      expect(f.sim.runs.count()).toBe(before + 1);
    });
  }
});
