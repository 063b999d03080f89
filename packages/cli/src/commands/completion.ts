import { Argument, type Command } from "commander";
import type { CommandContext } from "../run-cli.js";

const SHELLS = ["bash", "zsh", "fish"] as const;

/** `qac completion bash|zsh|fish`: prints a tab-completion script for the shell. */
export function registerCompletion(program: Command, ctx: CommandContext): void {
  program
    .command("completion")
    .description("print a tab-completion script: commands, flags, --format values and plan files")
    .addArgument(new Argument("<shell>", "the shell").choices(SHELLS))
    .addHelpText(
      "after",
      `
Examples:
  $ qac completion bash >> ~/.bashrc                       or: eval "$(qac completion bash)"
  $ qac completion zsh > "\${fpath[1]}/_qac"                 or: source <(qac completion zsh)
  $ qac completion fish > ~/.config/fish/completions/qac.fish`,
    )
    .action(async (shell: (typeof SHELLS)[number]) => {
      const { commandTree } = await import("../completion/command-tree.js");
      const render = {
        bash: (await import("../completion/bash-completion.js")).bashCompletion,
        zsh: (await import("../completion/zsh-completion.js")).zshCompletion,
        fish: (await import("../completion/fish-completion.js")).fishCompletion,
      }[shell];
      ctx.io.stdout.write(render(commandTree(program)));
    });
}
