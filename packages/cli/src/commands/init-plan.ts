import type { InitCatalog } from "./init-catalog.js";

/** What the starter plan is built from: the project, and the names read from QAComplete when there was a connection. */
export interface StarterPlanInput {
  /** The project as given (`--project`): a name or an id. */
  project: string | number;
  /** Path from the plan to the installed schema, for the editor modeline. */
  schemaPath: string;
  /** The plan's path as shown in the comments (relative to the repository). */
  planPath: string;
  /** `--host`: the test host, over the one read from Run History. */
  host?: string;
  catalog?: InitCatalog;
}

/** A short name for the plan from a QAComplete title: `Chrome / Windows 11` → `chrome-windows-11`. */
export function shortName(title: string, taken: ReadonlySet<string> = new Set()): string {
  const base =
    title
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9._-]+/g, "-")
      .replace(/^[^a-z0-9]+|-+$/g, "")
      .slice(0, 40) || "item";
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  return name;
}

/** A YAML scalar for a QAComplete title: quoted when plain YAML would read it as something else. */
const scalar = (text: string) =>
  /^[A-Za-z][\w .()/&+-]*$/.test(text) && !/\s$/.test(text) && !/^(true|false|null|yes|no|on|off)$/i.test(text)
    ? text
    : JSON.stringify(text);

const also = (rest: readonly string[], what: string) =>
  rest.length === 0
    ? []
    : [`# Other ${what}: ${rest.slice(0, 8).join(", ")}${rest.length > 8 ? `, and ${rest.length - 8} more` : ""}`];

/**
 * The text of a starter plan: the editor modeline, how to check and preview it, and one entry.
 * With a catalog, the names are the project's own (one configuration, the newest release, a host of
 * its latest runs, its first test set, the rest listed in comments); without one, a template whose
 * comments say what to fill in. Both pass `qac validate` as written.
 */
export function renderStarterPlan(input: StarterPlanInput): string {
  const c = input.catalog;
  const fromServer = c !== undefined;
  const config = c?.configurations[0] ?? "Chrome / Windows 11";
  const release = c?.releases[0] ?? "2026.12 / RC1 / Build 42";
  const host = input.host ?? c?.hosts[0] ?? "build-agent-01";
  const set = c?.testSets[0];
  const test = set === undefined ? (c?.tests[0] ?? "Smoke tests") : undefined;
  const configKey = shortName(config);
  const hint = (text: string) => (fromServer ? "" : ` # ${text}`);
  const hostHint =
    fromServer && !input.host && !c?.hosts.length
      ? " # no run names a host yet: use your test host's name"
      : hint("a test host's name");
  const project = c ? c.project.name : input.project;
  const lines = [
    `# yaml-language-server: $schema=${input.schemaPath}`,
    "#",
    `# qac plan for the QAComplete project ${JSON.stringify(String(project))}, written by \`qac init\`.`,
    fromServer
      ? "# The names below were read from QAComplete; change or add entries as you need."
      : "# Replace the names below with yours, exactly as QAComplete shows them.",
    `#   npx qac validate ${input.planPath}   checks it offline`,
    `#   npx qac plan ${input.planPath}       previews the runs (QAC_URL, QAC_USER, QAC_PASSWORD)`,
    "# Every field: https://github.com/qac-dev/qac/blob/main/docs/plan-format.md",
    "version: 1",
    `project: ${typeof project === "number" ? project : scalar(project)}`,
    "",
    "# Test configurations, by a short name of your choosing.",
    "configurations:",
    `  ${configKey}: ${scalar(config)}${hint("a test configuration's title")}`,
    ...also(c?.configurations.slice(1) ?? [], "configurations").map((l) => `  ${l}`),
    "",
    "# Releases: `release / iteration / build`, from the top.",
    "releases:",
    `  current: ${scalar(release)}${hint("a release, iteration or build")}`,
    ...also(c?.releases.slice(1) ?? [], "releases").map((l) => `  ${l}`),
    "",
    "# Test hosts: machines running a QAComplete test agent.",
    "hosts:",
    `  agent: ${scalar(host)}${hostHint}`,
    "",
    "defaults:",
    `  configurations: [${configKey}]`,
    "  releases: [current]",
    "  host: agent",
    "",
    "entries:",
    `  - key: ${shortName(set ?? test ?? "smoke")}`,
    set === undefined
      ? `    test: ${scalar(test!)}${hint("a test's title (or `testSet:` for a test set)")}`
      : `    testSet: ${scalar(set)}`,
    ...also(c?.testSets.slice(1) ?? [], "test sets").map((l) => `  ${l}`),
    "",
  ];
  return lines.join("\n");
}
