import type { Command } from "commander";
import { buildProgram, type CliIo } from "@qac/cli";

/** What parsing one command line with the real `qac` program found. */
export type DryParseResult = { ok: true; command: string; args: unknown[] } | { ok: false; error: string };

/**
 * Parses `qac` arguments with the real program (every command, option, choice and value parser)
 * without running anything: each command's action is replaced by one that records the call.
 */
export async function dryParse(args: readonly string[]): Promise<DryParseResult> {
  const output: string[] = [];
  const io: CliIo = {
    stdout: { write: (s: string) => output.push(s) },
    stderr: { write: (s: string) => output.push(s) },
    env: {},
    cwd: process.cwd(),
  };
  const program = buildProgram({ io, setExit: () => undefined });
  let ran: { command: string; args: unknown[] } | null = null;
  const stub = (command: Command) => {
    command.exitOverride();
    command.action((...actionArgs: unknown[]) => {
      ran = { command: command.name(), args: actionArgs.slice(0, -1) };
    });
    command.commands.forEach(stub);
  };
  program.commands.forEach(stub);
  try {
    await program.parseAsync([...args], { from: "user" });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: output.join("").trim() || message };
  }
  if (ran === null) return { ok: false, error: `no command ran for: qac ${args.join(" ")}` };
  return { ok: true, ...(ran as { command: string; args: unknown[] }) };
}
