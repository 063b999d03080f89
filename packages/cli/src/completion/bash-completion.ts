import type { CompletionCommand } from "./command-tree.js";

const words = (list: readonly string[]) => list.join(" ");

/**
 * A bash completion script for `qac`: commands, each command's flags, the values of `--format`
 * and other closed lists, files for `<file>` flags, and plan files (`.yaml`, `.yml`, `.json`) and
 * folders for the arguments. Source it, or `eval "$(qac completion bash)"` in ~/.bashrc.
 */
export function bashCompletion(commands: readonly CompletionCommand[]): string {
  const cases = commands.map((c) => {
    const valued = c.options.filter((o) => o.takesValue);
    const prev = valued.map((o) => {
      const action = o.values
        ? `COMPREPLY=($(compgen -W "${words(o.values)}" -- "$cur"))`
        : o.file
          ? `COMPREPLY=($(compgen -f -- "$cur"))`
          : "COMPREPLY=()";
      return `        ${o.names.join("|")}) ${action}; return ;;`;
    });
    const args = c.argumentValues
      ? `COMPREPLY=($(compgen -W "${words(c.argumentValues)}" -- "$cur"))`
      : c.takesFiles
        ? "_qac_plan_files"
        : "COMPREPLY=()";
    return [
      `    ${c.name})`,
      ...(prev.length ? ['      case "$prev" in', ...prev, "      esac"] : []),
      `      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${words(c.options.flatMap((o) => o.names))}" -- ` +
        `"$cur")); else ${args}; fi`,
      "      ;;",
    ].join("\n");
  });
  return `# qac completion for bash: source this file, or add  eval "$(qac completion bash)"  to ~/.bashrc
_qac_plan_files() {
  local f
  COMPREPLY=()
  while IFS= read -r f; do
    if [[ -d "$f" || "$f" == *.yaml || "$f" == *.yml || "$f" == *.json ]]; then COMPREPLY+=("$f"); fi
  done < <(compgen -f -- "$cur")
}
_qac() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W "${words(commands.map((c) => c.name))} --help --version --debug" -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases.join("\n")}
  esac
}
complete -o filenames -F _qac qac
`;
}
