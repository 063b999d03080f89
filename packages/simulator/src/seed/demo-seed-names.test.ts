import { describe, expect, it } from "vitest";
import { DEFAULT_SEED_PATH } from "./default-seed.js";
import { loadSeedFile } from "./load-seed.js";
import type { SeedRelease } from "./seed-document.js";

/**
 * Example plans and other packages' tests refer to these names and ids of the demo tenant (demo-seed.yaml):
 * renaming one must be a deliberate change, so this test lists them.
 */
describe("demo tenant names other packages rely on", () => {
  const seed = loadSeedFile(DEFAULT_SEED_PATH);
  const webShop = seed.projects.find((p) => p.id === 1001)!;
  const path = (releases: SeedRelease[], prefix = ""): string[] =>
    releases.flatMap((r) => [`${prefix}${r.title}`, ...path(r.children ?? [], `${prefix}${r.title}/`)]);

  it("keeps projects, users and hosts", () => {
    expect(seed.projects.map((p) => `${p.id} ${p.name}`)).toEqual(["1001 Web Shop", "1002 Mobile App"]);
    expect(seed.users.map((u) => `${u.email}:${u.password}`)).toEqual([
      "demo@qac.example:demo",
      "viewer@qac.example:viewer",
      "tester@qac.example:tester",
    ]);
    expect(seed.hosts!.map((h) => `${h.id} ${h.host_name} ${h.is_active ?? true}`)).toEqual([
      "101 build-agent-01 true",
      "102 build-agent-02 true",
      "103 mac-agent-01 true",
      "104 build-agent-03 false",
    ]);
  });

  it("keeps Web Shop's sets, configurations and release tree", () => {
    expect(webShop.test_sets!.map((s) => `${s.id} ${s.title}`)).toEqual([
      "6101 Checkout smoke",
      "6102 Search regression",
      "6103 Accounts regression",
      "6104 Cart and catalog regression",
      "6105 Nightly full regression",
      "6106 Manual accessibility pass",
    ]);
    expect(webShop.configurations!.map((c) => `${c.id} ${c.title}`)).toEqual([
      "801 Chrome / Windows 11",
      "802 Firefox / Ubuntu 24.04",
      "803 Safari / macOS 15",
      "804 Edge / Windows 11",
      "805 IE 11 / Windows 8.1",
    ]);
    expect(path(webShop.releases!)).toEqual([
      "2026.12",
      "2026.12/RC1",
      "2026.12/RC1/Build 41",
      "2026.12/RC1/Build 42",
      "2026.12/RC2",
      "2026.11",
      "Spring campaign",
    ]);
    expect(webShop.tests!.find((t) => t.id === 3101)?.title).toBe("Guest checkout with credit card");
  });
});
