import { SimulatorError } from "./errors.js";
import { ERROR_BODY_STYLES, type ErrorBodyStyle } from "./http/error-body.js";

/** The options that make the simulator as strict and irregular as the real QAComplete (`SimulatorOptions`). */
export interface StrictnessOptions {
  /** Turns every strict behaviour on; the individual options below override it. @default false */
  strict?: boolean;
  /** Shape of every error body. @default "message", or "servicestack" with `strict` */
  errorBodies?: ErrorBodyStyle;
}

/** The strict behaviours a simulator runs with, after `strict` and the individual options are combined. */
export interface Strictness {
  errorBodies: ErrorBodyStyle;
}

/**
 * Combines `strict` with the individual options; an individual option always wins.
 * @throws SimulatorError `SIM_OPTIONS` for an unknown body style
 */
export function resolveStrictness(options: StrictnessOptions): Strictness {
  const strict = options.strict === true;
  const { errorBodies } = options;
  const styles: readonly string[] = ERROR_BODY_STYLES;
  if (errorBodies !== undefined && !styles.includes(errorBodies))
    throw new SimulatorError(
      "SIM_OPTIONS",
      `errorBodies must be one of ${styles.join(", ")}, got ${String(errorBodies)}`,
    );
  return {
    errorBodies: errorBodies ?? (strict ? "servicestack" : "message"),
  };
}
