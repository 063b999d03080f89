import { describe, expect, it } from "vitest";
import { simpleCommands } from "./shell-commands.js";

describe("simpleCommands", () => {
  it("splits on separators and keeps quoted words whole", () => {
    expect(simpleCommands(`qac plan "my plan.yaml" --once-per '$SHA' && echo done; ls | wc -l`)).toEqual([
      ["qac", "plan", "my plan.yaml", "--once-per", "$SHA"],
      ["echo", "done"],
      ["ls"],
      ["wc", "-l"],
    ]);
  });

  it("joins continued lines and drops comments, redirections, keywords and assignments", () => {
    const script = [
      "# preview",
      "set +e",
      "if NO_COLOR=1 qac plan a.yaml \\",
      "    --format markdown > out.md 2>&1; then",
      "  code=$?",
      "fi",
    ].join("\n");
    expect(simpleCommands(script)).toEqual([
      ["set", "+e"],
      ["qac", "plan", "a.yaml", "--format", "markdown"],
    ]);
  });

  it("keeps a command substitution as one word", () => {
    expect(simpleCommands(`qac wait "$(cat ids.txt)" --project 1001`)).toEqual([
      ["qac", "wait", "$(cat ids.txt)", "--project", "1001"],
    ]);
  });

  it("refuses an unterminated quote instead of guessing", () => {
    expect(() => simpleCommands(`qac plan "a.yaml`)).toThrow(/unterminated double quote/);
  });
});
