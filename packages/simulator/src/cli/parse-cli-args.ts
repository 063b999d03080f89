import { parseArgs } from "node:util";
import { SimulatorError } from "../errors.js";
import { DUPLICATE_RUN_MODES, type DuplicateRunMode } from "../runs/create-run.js";
import type { SimulatorCommandOptions } from "./run-simulator-command.js";

/** Usage text of `main.js --help`. */
export const USAGE = `Usage: qac-simulator [options]

Starts a fake QAComplete REST API server (the demo tenant unless --seed is given).

Options:
  --seed <file>                 seed YAML file (default: the demo tenant)
  --port <n>                    port to listen on, 0 = any free port (default: 8787)
  --host <address>              interface to bind (default: 127.0.0.1)
  --clock real|virtual          real time, or time that never moves (default: real)
  --duplicate-run-mode <mode>   same-test | full-key | error | full-key-error (default: same-test)
  --latency-ms <n>              add this latency to every request (default: 0)
  --strict                      behave like the real QAComplete where it is stricter: page cap 25,
                                undocumented filters refused, ServiceStack error bodies, irregular runs
  --max-page-size <n>           answer at most n rows per list page (default: no cap; 25 with --strict)
  --speed <n>                   run tests n times faster than their nominal durations (default: the seed's, 10)
  --help                        show this help`;

/** What the command line asks for. */
export type CliCommand = { help: true } | { help: false; options: SimulatorCommandOptions };

const fail = (message: string): never => {
  throw new SimulatorError("SIM_CLI_ARGS", `${message} (see --help)`);
};

function wholeNumber(flag: string, raw: string, max: number, min = 0): number {
  if (!/^\d+$/.test(raw) || Number(raw) > max || Number(raw) < min)
    fail(`--${flag} must be a whole number from ${min} to ${max}, got '${raw}'`);
  return Number(raw);
}

/**
 * Parses the simulator's flags with `node:util` parseArgs.
 * @throws SimulatorError `SIM_CLI_ARGS` with one line saying what is wrong
 */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        seed: { type: "string" },
        port: { type: "string" },
        host: { type: "string" },
        clock: { type: "string" },
        "duplicate-run-mode": { type: "string" },
        "latency-ms": { type: "string" },
        strict: { type: "boolean" },
        "max-page-size": { type: "string" },
        speed: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    return fail((e as Error).message.split("\n")[0]!.replace(/\. To specify a positional argument.*$/, ""));
  }
  if (values["help"] === true) return { help: true };
  const options: SimulatorCommandOptions = { port: 8787, host: "127.0.0.1", clock: "real" };
  const str = (key: string) => values[key] as string | undefined;
  if (str("seed") !== undefined) options.seed = str("seed")!;
  if (str("port") !== undefined) options.port = wholeNumber("port", str("port")!, 65535);
  if (str("host") !== undefined) options.host = str("host")!;
  const clock = str("clock");
  if (clock !== undefined)
    options.clock =
      clock === "real" || clock === "virtual" ? clock : fail(`--clock must be real or virtual, got '${clock}'`);
  const mode = str("duplicate-run-mode");
  if (mode !== undefined)
    options.duplicateRunMode = isDuplicateRunMode(mode)
      ? mode
      : fail(`--duplicate-run-mode must be ${DUPLICATE_RUN_MODES.join(", ")}, got '${mode}'`);
  const latency = str("latency-ms");
  if (latency !== undefined) {
    const ms = wholeNumber("latency-ms", latency, 600_000);
    if (ms > 0) options.faults = [{ latencyMs: ms }];
  }
  if (values["strict"] === true) options.strict = true;
  const maxPageSize = str("max-page-size");
  if (maxPageSize !== undefined) options.maxPageSize = wholeNumber("max-page-size", maxPageSize, 1_000_000, 1);
  const speed = str("speed");
  if (speed !== undefined) options.speed = wholeNumber("speed", speed, 100_000, 1);
  return { help: false, options };
}

function isDuplicateRunMode(value: string): value is DuplicateRunMode {
  return (DUPLICATE_RUN_MODES as readonly string[]).includes(value);
}
