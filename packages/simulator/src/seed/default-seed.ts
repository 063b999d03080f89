import { fileURLToPath } from "node:url";

/**
 * Absolute path of the demo tenant, `demo-seed.yaml`, which ships in the package (the same path
 * from `src/` and `dist/`), so an installed simulator starts without `--seed`.
 */
export const DEFAULT_SEED_PATH = fileURLToPath(new URL("../../demo-seed.yaml", import.meta.url));
