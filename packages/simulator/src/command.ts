/**
 * The light entry point for command lines, `@qac/simulator/command`: the shared start-up function
 * and the values of the simulator's flags, without loading the server (fastify) until a simulator
 * actually starts, so a CLI that registers `qac sim` among other commands stays quick to start.
 */
export { runSimulatorCommand } from "./cli/run-simulator-command.js";
export type { SimulatorCommandIo, SimulatorCommandOptions } from "./cli/run-simulator-command.js";
export { DUPLICATE_RUN_MODES } from "./runs/create-run.js";
