import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import type { CliIo } from "./cli-io.js";
import { registerApply } from "./commands/apply.js";
import { registerCompletion } from "./commands/completion.js";
import { registerInit } from "./commands/init.js";
import { registerPlan } from "./commands/plan.js";
import { registerServe } from "./commands/serve.js";
import { registerSim } from "./commands/sim.js";
import { registerWait } from "./commands/wait.js";
import { registerValidate } from "./commands/validate.js";
import type { Connection } from "./connect/connect.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { explainError } from "./explain-error.js";

/** What a command needs: the I/O and a way to set the exit code. */
export interface CommandContext {
  io: CliIo;
  setExit(code: ExitCode): void;
  /** The QAComplete connection once a command made one: errors name its settings (`QAC_URL`). */
  connection?: Connection;
}

const examples = `
Examples:
  $ qac validate examples/plans/*.yaml           check plans offline (no credentials)
  $ qac validate plan.yaml --json                the same as data
  $ qac validate plan.yaml --only label:smoke    check a selection too
  $ qac plan smoke.yaml                          preview what apply would create, and why
  $ qac apply smoke.yaml --wait --junit out.xml  create what is missing, wait, write JUnit
  $ qac wait report.json                         wait for the runs of an apply report
  $ qac sim --port 8787                          start the QAComplete simulator (demo tenant)
  $ qac completion bash >> ~/.bashrc             tab completion (bash, zsh or fish)
  $ qac <command> --help                         a command's options and more examples

Connection: QAC_URL, QAC_USER, QAC_PASSWORD (or --url, --user, --password-stdin).
Output: --format text|json (and markdown for qac plan); --json is short for --format json.
Exit codes: 0 ok (with --wait: every run passed), 1 any other error (or a run did not pass),
2 runs would be created (qac plan --detailed-exitcode), 3 invalid plan.`;

function version(): string {
  // src/ and dist/ both sit one level below package.json.
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/**
 * Builds the `qac` program with every command registered, without parsing anything. `runCli`
 * uses it; tools use it to check command lines (e.g. in CI examples) against the real options
 * without running them: replace each command's action, then parse.
 */
export function buildProgram(ctx: CommandContext): Command {
  const io = ctx.io;
  const program = new Command("qac")
    .description("qac: a declarative test orchestrator for SmartBear QAComplete")
    .version(version(), "-V, --version", "print the version")
    .option("--debug", "show stack traces of unexpected errors")
    .helpOption("-h, --help", "show help")
    .addHelpText("after", examples)
    .showHelpAfterError("(run `qac --help` for usage)")
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .exitOverride();
  registerValidate(program, ctx);
  registerSim(program, ctx);
  registerPlan(program, ctx);
  registerApply(program, ctx);
  registerWait(program, ctx);
  registerServe(program, ctx);
  registerCompletion(program, ctx);
  registerInit(program, ctx);
  for (const command of program.commands)
    command
      .exitOverride()
      .showHelpAfterError(`(run \`qac ${command.name()} --help\` for usage)`)
      .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) });
  return program;
}

/**
 * Runs `qac` with `argv` (without node and the script) and returns the exit code. Commands are
 * registered in {@link buildProgram}; each loads its heavy dependencies only when it runs, so
 * start-up stays fast.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exit: ExitCode = EXIT.OK;
  const ctx: CommandContext = { io, setExit: (code) => void (exit = code) };
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exit;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.OK : EXIT.ERROR;
    const debug = argv.includes("--debug");
    const explained = await explainError(error, ctx.connection);
    io.stderr.write(`qac: ${explained.text}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    else if (!explained.expected) io.stderr.write("(run with --debug for details)\n");
    return EXIT.ERROR;
  }
}
