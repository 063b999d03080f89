/** Stable codes for the CLI's own errors. */
export type CliErrorCode = "CLI_USAGE" | "CLI_SIMULATOR" | "CLI_MISSING_PACKAGE";

/** An error the CLI reports as one line (no stack trace unless `--debug`). */
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    readonly code: CliErrorCode,
    message: string,
  ) {
    super(message);
  }
}
