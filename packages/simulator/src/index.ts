export {
  startSimulator,
  /** @public The simulator without listening, for `app.inject()`. */
  createSimulator,
} from "./start-simulator.js";
export type { Simulator, SimulatorOptions, SimulatorRuns, SimulatorHosts } from "./start-simulator.js";
export type { FaultRule } from "./http/fault-injector.js";
export type { RequestCounters } from "./http/request-counters.js";
export type { SimulatorClock, ClockMode } from "./clock/create-clock.js";
export { DUPLICATE_RUN_MODES } from "./runs/create-run.js";
export type { DuplicateRunMode } from "./runs/create-run.js";
export type { BulkRun } from "./runs/insert-many.js";
export type { RunRow, RunItemRow, RunStatus, ItemStatus } from "./tenant/wire-types.js";
export type * from "./seed/seed-document.js";
export {
  /** @public */
  parseSeed,
  loadSeedFile,
} from "./seed/load-seed.js";
export {
  /** @public */
  validateSeed,
} from "./seed/validate-seed.js";
export { DEFAULT_SEED_PATH } from "./seed/default-seed.js";
export {
  /** @public The key `sim.requests` counts a request under. */
  routeKeyOf,
} from "./build-server.js";
export {
  /** @public Every value of the `errorBodies` option. */
  ERROR_BODY_STYLES,
} from "./http/error-body.js";
export type { ErrorBodyStyle } from "./http/error-body.js";
export {
  /** @public */
  SimulatorError,
  /** @public */
  SeedError,
  /** @public */
  FilterError,
} from "./errors.js";
export type { SimulatorErrorCode, SeedProblem } from "./errors.js";
