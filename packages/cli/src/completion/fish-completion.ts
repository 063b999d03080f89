import { shortDescription, type CompletionCommand } from "./command-tree.js";

const quote = (text: string) => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

/**
 * A fish completion script for `qac`: commands, each command's flags, closed value lists such as
 * `--format`, files for `<file>` flags and plan files for arguments. Save it as
 * ~/.config/fish/completions/qac.fish, or `qac completion fish | source`.
 */
export function fishCompletion(commands: readonly CompletionCommand[]): string {
  const lines = [
    "# qac completion for fish: save as ~/.config/fish/completions/qac.fish, or run  qac completion fish | source",
    "complete -c qac -f",
    ...commands.map(
      (c) => `complete -c qac -n __fish_use_subcommand -a ${c.name} -d ${quote(shortDescription(c.description))}`,
    ),
  ];
  for (const c of commands) {
    const when = `-n '__fish_seen_subcommand_from ${c.name}'`;
    for (const o of c.options) {
      const names = o.names.map((n) => (n.startsWith("--") ? `-l ${n.slice(2)}` : `-s ${n.slice(1)}`)).join(" ");
      const value = !o.takesValue ? "" : o.values ? ` -x -a ${quote(o.values.join(" "))}` : o.file ? " -r -F" : " -x";
      lines.push(`complete -c qac ${when} ${names}${value} -d ${quote(shortDescription(o.description))}`);
    }
    if (c.argumentValues) lines.push(`complete -c qac ${when} -x -a ${quote(c.argumentValues.join(" "))}`);
    else if (c.takesFiles)
      lines.push(
        `complete -c qac ${when} -a '(__fish_complete_suffix .yaml; __fish_complete_suffix .yml; ` +
          `__fish_complete_suffix .json)'`,
      );
  }
  return `${lines.join("\n")}\n`;
}
