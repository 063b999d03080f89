import { defineConfig } from "vitest/config";

/**
 * One vitest configuration for every package. Tests import sibling packages by name; the
 * `qac-source` export condition points those imports at `src/` so tests never need a build.
 */
export function defineProjectConfig() {
  const conditions = ["qac-source", "import", "module", "node", "default"];
  return defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ["qac-source"] } },
    test: {
      environment: "node",
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      testTimeout: 20_000,
      hookTimeout: 20_000,
      pool: "forks",
      // The JSON report is what `pnpm test` adds up into its last line (scripts/test-totals.mjs).
      reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    },
  });
}
