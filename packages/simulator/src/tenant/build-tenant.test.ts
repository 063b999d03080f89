import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { DEFAULT_SEED_PATH } from "../seed/default-seed.js";
import { loadSeedFile } from "../seed/load-seed.js";
import { buildTenant, clockStartOf } from "./build-tenant.js";

describe("buildTenant", () => {
  const seed = loadSeedFile(DEFAULT_SEED_PATH);
  const tenant = buildTenant(seed, clockStartOf(seed));

  it("keeps neither user passwords nor host tokens in its state", () => {
    const dump = inspect(tenant, { depth: 10, maxArrayLength: Infinity }) + JSON.stringify([...tenant.hosts.values()]);
    for (const secret of ["'demo'", "'viewer'", "'tester'", "6f1c2b9e-0d4a-4e8b-9a51-3c7d2e8f1a01"])
      expect(dump).not.toContain(secret);
  });

  it("gives tests without a seeded outcome a deterministic one", () => {
    const again = buildTenant(seed, clockStartOf(seed));
    expect(tenant.testPlans.get(3126)).toEqual(again.testPlans.get(3126));
    expect(["pass", "fail", "block", "skip"]).toContain(tenant.testPlans.get(3126)!.outcome);
  });

  it("builds the release tree and folders of the demo tenant", () => {
    expect(tenant.releases.get(904)).toMatchObject({
      title: "Build 42",
      release_type: "Build",
      parent_id: 902,
      parent_name: "RC1",
    });
    expect(tenant.tests.get(3101)).toMatchObject({ folder_name: "Checkout", execution_type: "Automated" });
    expect(tenant.tests.get(3241)).toMatchObject({ execution_type: "Manual", avg_run_time: 0 });
  });
});
