/**
 * Every error code the simulator raises. Callers branch on `code`, never on message text.
 *
 * - `SIM_FILTER_SYNTAX`: a `Filter` expression does not parse (answered as HTTP 400).
 * - `SIM_FILTER_FIELD`: a `Filter` names a field the entity does not have, or compares it with a
 *   value of the wrong type (answered as HTTP 400).
 * - `SIM_FILTER_UNDOCUMENTED`: with `strictFilters`, a `Filter` uses a form QAComplete does not
 *   document, such as a string `in {...}` list (answered as HTTP 400).
 * - `SIM_SEED_INVALID`: the seed document breaks its schema or refers to ids that do not exist.
 * - `SIM_SEED_READ`: the seed file cannot be read or is not YAML.
 * - `SIM_CLI_ARGS`: bad command-line flags for `main.js`.
 * - `SIM_OPTIONS`: bad options passed to `startSimulator`, or a fault rule that cannot be meant.
 */
export type SimulatorErrorCode =
  | "SIM_FILTER_SYNTAX"
  | "SIM_FILTER_FIELD"
  | "SIM_FILTER_UNDOCUMENTED"
  | "SIM_SEED_INVALID"
  | "SIM_SEED_READ"
  | "SIM_CLI_ARGS"
  | "SIM_OPTIONS";

/** Base class of every error the simulator throws on purpose. */
export class SimulatorError extends Error {
  /** Stable code to branch on. */
  readonly code: SimulatorErrorCode;

  constructor(code: SimulatorErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "SimulatorError";
    this.code = code;
  }
}

/** A filter expression that cannot be parsed or checked; `position` is the 0-based column. */
export class FilterError extends SimulatorError {
  /** 0-based character offset of the problem inside the filter text. */
  readonly position: number;

  constructor(
    code: "SIM_FILTER_SYNTAX" | "SIM_FILTER_FIELD" | "SIM_FILTER_UNDOCUMENTED",
    message: string,
    position: number,
  ) {
    super(code, `${message} (at column ${position + 1})`);
    this.name = "FilterError";
    this.position = position;
  }
}

/** One problem found in a seed document: where (file + path) and what is wrong. */
export interface SeedProblem {
  /** JSON-pointer-like path inside the document, e.g. `/projects/0/tests/3/id`. */
  path: string;
  message: string;
}

/** A seed document that breaks the schema; carries every problem found, not only the first. */
export class SeedError extends SimulatorError {
  readonly file: string;
  readonly problems: readonly SeedProblem[];

  constructor(file: string, problems: readonly SeedProblem[]) {
    const lines = problems.map((p) => `  ${file}: ${p.path || "/"}: ${p.message}`);
    super("SIM_SEED_INVALID", `Invalid seed ${file} (${problems.length} problem(s)):\n${lines.join("\n")}`);
    this.name = "SeedError";
    this.file = file;
    this.problems = problems;
  }
}
