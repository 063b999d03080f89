import type { Command } from "commander";

/** One flag of a command, as a completion script offers it. */
export interface CompletionOption {
  /** `--format`, `-h`, ... */
  names: string[];
  description: string;
  /** The flag takes a value (`--format <format>`). */
  takesValue: boolean;
  /** The values it accepts, when they are a closed list (`text`, `markdown`, `json`). */
  values: string[] | null;
  /** The value is a file (`<file>`). */
  file: boolean;
}

/** One command, as a completion script offers it. */
export interface CompletionCommand {
  name: string;
  description: string;
  options: CompletionOption[];
  /** Its arguments are plan files or reports (`.yaml`, `.yml`, `.json`). */
  takesFiles: boolean;
  /** The closed list its first argument is chosen from (`qac completion bash|zsh|fish`). */
  argumentValues: string[] | null;
}

/** Every command of the program with its flags, read from commander (so completions never drift). */
export function commandTree(program: Command): CompletionCommand[] {
  return program.commands.map((command) => {
    const options = [
      ...command.options,
      command
        .createHelp()
        .visibleOptions(command)
        .find((o) => o.long === "--help"),
    ]
      .filter((o) => o !== undefined)
      .filter((o, i, all) => all.findIndex((x) => x.flags === o.flags) === i)
      .map((o) => ({
        names: [o.long, o.short].filter((n): n is string => Boolean(n)),
        description: o.description,
        takesValue: o.required || o.optional,
        values: o.argChoices ?? null,
        file: /<file>/.test(o.flags),
      }));
    const first = command.registeredArguments[0];
    return {
      name: command.name(),
      description: command.description(),
      options,
      takesFiles: first !== undefined && /files|report/.test(first.name()),
      argumentValues: first?.argChoices ?? null,
    };
  });
}

/** A description without its defaults and after-thoughts, for the short hints shells show. */
export const shortDescription = (text: string): string =>
  text
    .replace(/ \((default|e\.g\.|token)[^)]*\)/g, "")
    .split("; ")[0]!
    .trim();
