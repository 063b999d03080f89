import { describe, expect, it } from "vitest";
import { qacArgs, qacCommandLines, replaceGithubExpressions } from "./qac-command-lines.js";

describe("qacCommandLines", () => {
  it("finds qac calls in GitHub steps, through npx and pnpm launchers", () => {
    const workflow = `
on: pull_request
jobs:
  preview:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Plan
        run: |
          npx qac validate plans/*.yaml
          npx -y pnpm@10 qac plan plans/smoke.yaml --once-per \${{ github.sha }} > comment.md
`;
    expect(qacCommandLines(workflow, "github")).toEqual([
      { args: ["validate", "plans/*.yaml"], where: "preview / Plan" },
      { args: ["plan", "plans/smoke.yaml", "--once-per", "github.sha"], where: "preview / Plan" },
    ]);
  });

  it("finds qac calls in GitLab scripts, including nested lists", () => {
    const ci = `
stages: [preview]
variables: { QAC_URL: http://x }
preview:
  stage: preview
  before_script: [echo hi]
  script:
    - qac plan smoke.yaml --format markdown
    - [qac validate smoke.yaml]
`;
    expect(qacCommandLines(ci, "gitlab").map((c) => c.args[0])).toEqual(["plan", "validate"]);
  });

  it("rejects invalid YAML and duplicate keys", () => {
    expect(() => qacCommandLines("jobs:\n  a: [\n", "github")).toThrow();
    expect(() => qacCommandLines("jobs: {}\njobs: {}\n", "github")).toThrow(/unique|duplicate/i);
  });

  it("ignores commands that only mention qac", () => {
    expect(qacArgs(["echo", "qac", "plan"])).toBeNull();
    expect(qacArgs(["npx", "--no-install", "qac", "wait"])).toEqual(["wait"]);
    expect(qacArgs(["nohup", "qac", "sim", "--port", "8787"])).toEqual(["sim", "--port", "8787"]);
    expect(replaceGithubExpressions("${{ github.event.pull_request.number }}")).toBe(
      "github.event.pull_request.number",
    );
  });
});
