/**
 * @qac/cli: the `qac` command. Programmatic entry for tests and embedding.
 */
export { runCli, buildProgram } from "./run-cli.js";
export type { CommandContext } from "./run-cli.js";
export {
  /** @public The default `io` of `runCli` for embedding: the real process. */
  processIo,
} from "./cli-io.js";
export type { CliIo } from "./cli-io.js";
export { EXIT } from "./exit-codes.js";
export type { ExitCode } from "./exit-codes.js";
export {
  /** @public */
  CliError,
} from "./errors.js";
export type { CliErrorCode } from "./errors.js";
