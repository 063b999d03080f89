import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../cli-io.js";
import { runCli } from "../run-cli.js";

async function script(shell: string): Promise<string> {
  const out: string[] = [];
  const io: CliIo = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: () => true }, env: {}, cwd: "/" };
  expect(await runCli(["completion", shell], io)).toBe(0);
  return out.join("");
}

describe("qac completion bash", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "qac-completion-"));
    await writeFile(join(dir, "qac.bash"), await script("bash"));
    await writeFile(join(dir, "smoke.yaml"), "");
    await writeFile(join(dir, "smoke.txt"), "");
    await mkdir(join(dir, "smoke-plans"));
  });

  /** What bash offers after typing `line` (the cursor at its end), as the completion function computes it. */
  const complete = (line: string) => {
    const words = line.split(" ");
    const program =
      `source qac.bash; COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); ` +
      `COMP_CWORD=${words.length - 1}; _qac; printf '%s\\n' "\${COMPREPLY[@]}"`;
    return execFileSync("bash", ["-c", program], { cwd: dir, encoding: "utf8" }).trim().split("\n").sort();
  };

  it("completes commands, each command's flags and the values of --format", () => {
    expect(complete("qac pl")).toEqual(["plan"]);
    expect(complete("qac plan --fo")).toEqual(["--format"]);
    expect(complete("qac plan --format ")).toEqual(["json", "markdown", "text"]);
    expect(complete("qac wait --format ")).toEqual(["json", "text"]);
    expect(complete("qac completion ")).toEqual(["bash", "fish", "zsh"]);
  });

  it("offers plan files and folders for the arguments, not other files", () => {
    expect(complete("qac apply smo")).toEqual(["smoke-plans", "smoke.yaml"]);
  });
});

describe("qac completion zsh and fish", () => {
  it("describe the same commands, flags and --format values", async () => {
    const zsh = (await script("zsh")).split("\n");
    expect(zsh[0]).toBe("#compdef qac");
    expect(zsh.find((l) => l.trim().startsWith("plan)"))).toContain(
      "'--format[a table (text), a pull-request comment (markdown) or JSON]:value:(text markdown json)'",
    );
    const fish = (await script("fish")).split("\n");
    expect(fish.filter((l) => l.includes("subcommand_from plan") && l.includes("-l format"))).toEqual([
      "complete -c qac -n '__fish_seen_subcommand_from plan' -l format -x -a 'text markdown json' -d 'a table " +
        "(text), a pull-request comment (markdown) or JSON'",
    ]);
  });
});
