import { SimulatorError } from "./errors.js";
import { ERROR_BODY_STYLES, type ErrorBodyStyle } from "./http/error-body.js";

/** The options that make the simulator as strict and irregular as the real QAComplete (`SimulatorOptions`). */
export interface StrictnessOptions {
  /** Turns every strict behaviour on; the individual options below override it. @default false */
  strict?: boolean;
  /**
   * Most rows one list answer carries, whatever `limit` asks for; `result_set.limit` then echoes
   * the limit used and `total` stays true. @default no cap, or 25 with `strict`
   */
  maxPageSize?: number;
  /** Refuse undocumented filter forms (a string or boolean `in {...}` list) with 400. @default `strict` */
  strictFilters?: boolean;
  /**
   * Run objects and statuses as irregular as the real server's: no `test_config_id` and
   * `configuration_name` on a run without a configuration, `NA` and the project's own item
   * statuses accepted from clients and agents (reference §13). @default `strict`
   */
  irregularRuns?: boolean;
  /** Shape of every error body. @default "message", or "servicestack" with `strict` */
  errorBodies?: ErrorBodyStyle;
}

/** The strict behaviours a simulator runs with, after `strict` and the individual options are combined. */
export interface Strictness {
  maxPageSize: number | undefined;
  strictFilters: boolean;
  irregularRuns: boolean;
  errorBodies: ErrorBodyStyle;
}

/** Page cap of strict mode: the documented default `limit` (reference §2.3, §13). */
const STRICT_PAGE_SIZE = 25;

/**
 * Combines `strict` with the individual options; an individual option always wins.
 * @throws SimulatorError `SIM_OPTIONS` for a page cap that is no whole number >= 1 or an unknown body style
 */
export function resolveStrictness(options: StrictnessOptions): Strictness {
  const strict = options.strict === true;
  const { maxPageSize, errorBodies } = options;
  if (maxPageSize !== undefined && !(Number.isSafeInteger(maxPageSize) && maxPageSize >= 1))
    throw new SimulatorError("SIM_OPTIONS", `maxPageSize must be a whole number >= 1, got ${maxPageSize}`);
  const styles: readonly string[] = ERROR_BODY_STYLES;
  if (errorBodies !== undefined && !styles.includes(errorBodies))
    throw new SimulatorError(
      "SIM_OPTIONS",
      `errorBodies must be one of ${styles.join(", ")}, got ${String(errorBodies)}`,
    );
  return {
    maxPageSize: maxPageSize ?? (strict ? STRICT_PAGE_SIZE : undefined),
    strictFilters: options.strictFilters ?? strict,
    irregularRuns: options.irregularRuns ?? strict,
    errorBodies: errorBodies ?? (strict ? "servicestack" : "message"),
  };
}

/** One line for the start-up banner: "lenient", or "strict (page cap 25, ...)" naming what is on. */
export function describeStrictness(s: Strictness): string {
  const parts = [
    s.maxPageSize === undefined ? undefined : `page cap ${s.maxPageSize}`,
    s.strictFilters ? "undocumented filters refused" : undefined,
    s.errorBodies === "message" ? undefined : `${s.errorBodies} error bodies`,
    s.irregularRuns ? "irregular runs" : undefined,
  ].filter((p) => p !== undefined);
  return parts.length === 0 ? "lenient" : `strict (${parts.join(", ")})`;
}
