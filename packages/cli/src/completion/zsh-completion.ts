import { shortDescription, type CompletionCommand, type CompletionOption } from "./command-tree.js";

/** Text inside a single-quoted `_arguments` spec: no `'`, `[`, `]` or `:` left unescaped. */
const spec = (text: string) => text.replace(/'/g, "'\\''").replace(/([[\]:])/g, "\\$1");

function optionSpec(o: CompletionOption): string {
  const names = o.names.length > 1 ? `(${o.names.join(" ")})'{${o.names.join(",")}}'` : o.names[0]!;
  const value = !o.takesValue ? "" : o.values ? `:value:(${o.values.join(" ")})` : o.file ? ":file:_files" : ":value: ";
  return `'${names}[${spec(shortDescription(o.description))}]${value}'`;
}

/**
 * A zsh completion script for `qac` (`#compdef qac`): commands with their descriptions, each
 * command's flags with theirs, closed value lists such as `--format`, files for `<file>` flags and
 * plan files for arguments. Put it on `$fpath` as `_qac`, or `source <(qac completion zsh)`.
 */
export function zshCompletion(commands: readonly CompletionCommand[]): string {
  const list = commands.map((c) => `    '${c.name}:${spec(shortDescription(c.description))}'`);
  const cases = commands.map((c) => {
    const args = c.argumentValues
      ? `'1:value:(${c.argumentValues.join(" ")})'`
      : c.takesFiles
        ? `'*:file:_files -g "*.(yaml|yml|json)"'`
        : "";
    return `    ${c.name}) _arguments -s ${[...c.options.map(optionSpec), args].filter(Boolean).join(" ")} ;;`;
  });
  return `#compdef qac
# qac completion for zsh: save as _qac on your $fpath, or add  source <(qac completion zsh)  to ~/.zshrc
_qac() {
  local -a commands
  commands=(
${list.join("\n")}
  )
  if (( CURRENT == 2 )); then
    _describe -t commands 'qac command' commands
    return
  fi
  shift words
  (( CURRENT-- ))
  case $words[1] in
${cases.join("\n")}
  esac
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then _qac "$@"; else compdef _qac qac; fi
`;
}
