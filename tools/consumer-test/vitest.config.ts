import { defineConfig, mergeConfig } from "vitest/config";
import { defineProjectConfig } from "../../vitest.shared.js";

// The consumer tests mostly wait on npm, child processes and the simulator's clock: the three
// Node versions and the CI tests run side by side.
export default mergeConfig(
  defineProjectConfig(),
  defineConfig({
    test: {
      globalSetup: ["test/global-setup.ts"],
      testTimeout: 240_000,
      hookTimeout: 300_000,
      maxWorkers: 4,
      fileParallelism: true,
    },
  }),
);
