import { parse } from "yaml";
import { simpleCommands } from "./shell-commands.js";

/** A `qac` invocation found in a CI file: its arguments and where it came from. */
export interface QacCommandLine {
  /** Arguments after `qac` (e.g. `["plan", "smoke.yaml", "--format", "markdown"]`). */
  args: string[];
  /** The job and step (or script key) it is in, for messages. */
  where: string;
}

/** Words that launch `qac` from a package manager: `npx qac`, `pnpm exec qac`, `npx -y pnpm@10 qac`. */
const LAUNCHERS = /^(npx|pnpm|exec|pnpm@[\w.]+|--?[a-z][\w-]*)$/;

const PREFIXES = new Set(["nohup", "exec", "command", "env"]);

/** The arguments of a `qac` call in one simple command, or null when it does not call qac. */
export function qacArgs(words: readonly string[]): string[] | null {
  // `nohup qac sim &`, `exec qac ...`: prefixes that still run qac with the words that follow.
  if (words[0] !== undefined && PREFIXES.has(words[0])) return qacArgs(words.slice(1));
  if (words[0] === "qac") return words.slice(1);
  if (words[0] !== "npx" && words[0] !== "pnpm") return null;
  let i = 1;
  while (i < words.length && words[i] !== "qac" && LAUNCHERS.test(words[i]!)) i++;
  return words[i] === "qac" ? words.slice(i + 1) : null;
}

/** Every shell script of a GitHub Actions workflow (`jobs.*.steps[].run`), with its location. */
function githubScripts(doc: unknown): { where: string; script: string }[] {
  const jobs = (doc as { jobs?: Record<string, { steps?: { name?: string; run?: string }[] }> }).jobs ?? {};
  return Object.entries(jobs).flatMap(([job, def]) =>
    (def.steps ?? []).flatMap((step, i) =>
      typeof step.run === "string" ? [{ where: `${job} / ${step.name ?? `step ${i + 1}`}`, script: step.run }] : [],
    ),
  );
}

/** Every shell script of a GitLab CI file (`before_script`, `script`, `after_script` of each job). */
function gitlabScripts(doc: unknown): { where: string; script: string }[] {
  const out: { where: string; script: string }[] = [];
  for (const [job, def] of Object.entries((doc ?? {}) as Record<string, unknown>)) {
    if (!def || typeof def !== "object" || Array.isArray(def)) continue;
    for (const key of ["before_script", "script", "after_script"] as const) {
      const value = (def as Record<string, unknown>)[key];
      const lines = typeof value === "string" ? [value] : Array.isArray(value) ? value.flat(Infinity) : [];
      for (const line of lines) if (typeof line === "string") out.push({ where: `${job} / ${key}`, script: line });
    }
  }
  return out;
}

/** Parses a CI file (throws on invalid YAML) and returns every `qac` command line in its scripts. */
export function qacCommandLines(text: string, kind: "github" | "gitlab"): QacCommandLine[] {
  const doc: unknown = parse(text, { strict: true, uniqueKeys: true });
  const scripts = kind === "github" ? githubScripts(doc) : gitlabScripts(doc);
  return scripts.flatMap(({ where, script }) =>
    simpleCommands(replaceGithubExpressions(script)).flatMap((words) => {
      const args = qacArgs(words);
      return args ? [{ args, where }] : [];
    }),
  );
}

/** `${{ github.sha }}` → `github.sha`: the value is unknown before the run; its shape is a word. */
export function replaceGithubExpressions(script: string): string {
  return script.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expr: string) => expr.replace(/\s+/g, "_"));
}
