import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT, runCli, type CliIo } from "@qac/cli";
import { startSimulator, type Simulator } from "@qac/simulator";
import { markdownSection } from "../src/markdown-section.js";
import { repoRoot } from "../src/repo-root.js";

const root = repoRoot();
const readme = readFileSync(join(root, "README.md"), "utf8");

/** `$ qac ...` commands of the README's console blocks, with the output shown under each. */
function consoleExamples(text: string): Map<string, string> {
  const examples = new Map<string, string>();
  for (const block of text.matchAll(/^```console\n([\s\S]*?)^```$/gm)) {
    let command: string | null = null;
    let output: string[] = [];
    const flush = () => command !== null && examples.set(command, output.join("\n"));
    for (const line of block[1]!.replace(/\n$/, "").split("\n")) {
      if (line.startsWith("$ ")) {
        flush();
        command = line.slice(2);
        output = [];
      } else output.push(line);
    }
    flush();
  }
  return examples;
}

/**
 * GitHub's anchors for a Markdown file's headings (lower case, punctuation dropped, spaces to dashes, repeats
 * numbered).
 */
function headingSlugs(text: string): Set<string> {
  const seen = new Map<string, number>();
  const slugs = new Set<string>();
  for (const m of text.replace(/^(```|~~~)[\s\S]*?^\1/gm, "").matchAll(/^#{1,6}\s+(.+?)\s*$/gm)) {
    const base = m[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    slugs.add(n === 0 ? base : `${base}-${n}`);
  }
  return slugs;
}

/** Source files of the packages and scripts (tests excluded). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name === "dist" || name === "test-support") return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe("README.md", () => {
  it("starts with what qac is, then the two-command quick start that .ci/run also uses", () => {
    const quick = markdownSection(readme, /^Quick start$/)!;
    expect(quick).toContain("npx -y pnpm@10 install && npx -y pnpm@10 start   # set up and run the demo");
    expect(quick).toContain("npx -y pnpm@10 install && npx -y pnpm@10 test    # run every test, typecheck and lint");
    expect(readme.indexOf("## Quick start")).toBeLessThan(readme.indexOf("## The main commands"));
    expect(readFileSync(join(root, ".ci/run"), "utf8")).toContain("npx -y pnpm@10 install && npx -y pnpm@10 test");
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    for (const script of ["start", "test", "build", "bench", "sim", "qac"])
      expect(pkg.scripts[script], script).toBeTruthy();
  });

  it("has an exit-code table with exactly the CLI's exit codes", () => {
    const table = markdownSection(readme, /^Exit codes$/)!;
    const codes = [...table.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
    expect(codes).toEqual(Object.values(EXIT).sort());
  });

  it("documents every QAC_ environment variable the code reads", () => {
    const env = markdownSection(readme, /^Environment variables$/)!;
    const files = [...sourceFiles(join(root, "packages")), ...sourceFiles(join(root, "scripts"))];
    const read = new Set(
      files.flatMap((f) => [...readFileSync(f, "utf8").matchAll(/env(?:\["|\.)(QAC_[A-Z_]+)/g)].map((m) => m[1]!)),
    );
    const internal = (name: string) => name.startsWith("QAC_TEST_") || name.startsWith("QAC_DEMO_");
    const undocumented = [...read].filter((name) => !internal(name) && !env.includes(`\`${name}\``));
    expect(read.size).toBeGreaterThan(3);
    expect(undocumented).toEqual([]);
  });

  it("links only to files that exist (README, docs, examples, tools)", () => {
    const docs = [
      "README.md",
      "docs/errors.md",
      "examples/ci/README.md",
      "examples/programmatic/README.md",
      "tools/repo-checks/README.md",
    ];
    const broken: string[] = [];
    for (const doc of docs) {
      const text = readFileSync(join(root, doc), "utf8");
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!.split("#")[0]!;
        if (!target || /^[a-z]+:/.test(target)) continue;
        const path = join(root, dirname(doc), target);
        const anchor = m[1]!.split("#")[1];
        if (!existsSync(path)) broken.push(`${doc} -> ${relative(root, path)}`);
        else if (anchor && path.endsWith(".md") && !headingSlugs(readFileSync(path, "utf8")).has(anchor))
          broken.push(`${doc} -> ${relative(root, path)}#${anchor}`);
      }
    }
    expect(broken).toEqual([]);
  });

  describe("shows real output", () => {
    let sim: Simulator;
    beforeAll(async () => {
      sim = await startSimulator({ clock: "virtual" });
    });
    afterAll(async () => {
      await sim.close();
    });
    const run = async (args: string[]) => {
      const out: string[] = [];
      const io: CliIo = {
        stdout: { write: (s: string) => out.push(s) },
        stderr: { write: (s: string) => out.push(s) },
        env: { QAC_URL: sim.url, QAC_USER: "demo@qac.example", QAC_PASSWORD: "demo", NO_COLOR: "1" },
        cwd: root,
      };
      const code = await runCli(args, io);
      return { code, output: out.join("").replace(/\n$/, "") };
    };
    const timestamps = (s: string) => s.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, "<time>");
    const examples = consoleExamples(readme);

    for (const command of [
      "qac validate examples/plans/smoke.yaml examples/plans/nightly.yaml",
      "qac plan examples/plans/smoke.yaml",
      "qac plan examples/plans/smoke.yaml --format markdown",
    ]) {
      it(`for \`${command}\` against a fresh simulator`, async () => {
        expect(examples.has(command), `README shows $ ${command}`).toBe(true);
        const { code, output } = await run(command.split(" ").slice(1));
        expect(code).toBe(EXIT.OK);
        expect(timestamps(examples.get(command)!)).toBe(timestamps(output));
      });
    }
  });
});
