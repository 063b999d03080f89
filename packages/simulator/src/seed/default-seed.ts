import { fileURLToPath } from "node:url";

/** Absolute path of the demo tenant `examples/seed.yaml` (the same from `src/` and `dist/`). */
export const DEFAULT_SEED_PATH = fileURLToPath(new URL("../../../../examples/seed.yaml", import.meta.url));
