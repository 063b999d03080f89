// The qac GitHub Action (action.yml): installs the published @qac/cli at a pinned version and runs
// validate, plan (with the pull-request comment) or apply (once per commit, wait, JUnit).
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { upsertComments } from "./comments.mjs";
import { expandPlans, flag, input } from "./inputs.mjs";
import { bundledVersion, installQac } from "./install.mjs";
import { runQac } from "./run-qac.mjs";
import { startSimulator } from "./simulator.mjs";

const env = process.env;
const actionRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
const temp = env.RUNNER_TEMP ?? join(workspace, ".qac-action");
const counts = { "to-create": 0, satisfied: 0, created: 0, "create-errors": 0, "not-started": 0 };
const worse = (a, b) => Math.max(a, b);

/** @param {string} name @param {string | number} value */
const output = (name, value) => env.GITHUB_OUTPUT && appendFileSync(env.GITHUB_OUTPUT, `${name}=${value}\n`);
/** @param {string} markdown */
const summary = (markdown) => env.GITHUB_STEP_SUMMARY && appendFileSync(env.GITHUB_STEP_SUMMARY, `${markdown}\n`);
/** @param {string} file */
const planName = (file) => basename(file, extname(file));

/** The pull request this run belongs to, or null (push, schedule, ...). */
function pullRequest() {
  if (!env.GITHUB_EVENT_PATH || !/^pull_request/.test(env.GITHUB_EVENT_NAME ?? "")) return null;
  const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
  const issue = event.pull_request?.number;
  if (!issue) return null;
  const apiUrl = env.GITHUB_API_URL ?? "https://api.github.com";
  return { apiUrl, repository: env.GITHUB_REPOSITORY ?? "", issue, token: input(env, "github-token") };
}

async function main() {
  const command = input(env, "command", "plan");
  if (!["validate", "plan", "apply"].includes(command))
    throw new Error(`qac action: command must be validate, plan or apply, not ${JSON.stringify(command)}.`);
  const plans = expandPlans(input(env, "plans"), workspace);
  if (plans.length === 0) throw new Error("qac action: give the plan files in `plans`.");
  const version = input(env, "qac-version") || bundledVersion(actionRoot);
  const url = input(env, "url");
  const simulate = command !== "validate" && url === "";
  const packages = ["@qac/cli", ...(simulate ? ["@qac/simulator"] : [])];
  const bin = installQac(join(temp, `qac-${version}`), version, packages, env);
  const qacEnv = {
    ...env,
    NO_COLOR: "1",
    QAC_URL: url,
    QAC_USER: input(env, "user"),
    QAC_PASSWORD: input(env, "password"),
  };
  if (input(env, "status-url")) qacEnv["QAC_STATUS_URL"] = input(env, "status-url");
  if (input(env, "status-token")) qacEnv["QAC_STATUS_TOKEN"] = input(env, "status-token");
  const report = join(temp, "qac-report");
  mkdirSync(report, { recursive: true });
  output("report", report);
  const run = (args, echo = false) => runQac(bin, args, { cwd: workspace, env: qacEnv, echo });

  if (command === "validate") return (await run(["validate", ...plans], true)).code;
  let sim = null;
  if (simulate) {
    console.log("::warning::No QAComplete url given: running against the QAComplete simulator's demo tenant.");
    sim = await startSimulator(bin, { cwd: workspace, env: qacEnv });
    Object.assign(qacEnv, { QAC_URL: sim.url, QAC_USER: "demo@qac.example", QAC_PASSWORD: "demo" });
  }
  try {
    return command === "plan" ? await plan(plans, report, run) : await apply(plans, report, run);
  } finally {
    sim?.stop();
  }
}

async function plan(plans, report, run) {
  const pr = flag(env, "comment") ? pullRequest() : null;
  let exit = 0;
  const bodies = [];
  for (const file of plans) {
    const name = planName(file);
    const markdown = await run(["plan", file, "--format", "markdown"]);
    writeFileSync(join(report, `${name}.md`), markdown.stdout);
    bodies.push(markdown.stdout);
    summary(markdown.stdout);
    exit = worse(exit, markdown.code);
    if (markdown.code === 3) {
      console.log(`qac plan ${file}: invalid plan (exit 3)`);
      continue;
    }
    const json = await run(["plan", file, "--format", "json"]);
    exit = worse(exit, json.code);
    if (json.code !== 0) continue;
    writeFileSync(join(report, `${name}.json`), json.stdout);
    const doc = JSON.parse(json.stdout);
    counts["to-create"] += doc.summary.create + doc.summary.createForced;
    counts.satisfied += doc.summary.skip;
    console.log(
      `qac plan ${file}: ${doc.summary.create + doc.summary.createForced} to create, ${doc.summary.skip} already ` +
        `satisfied`,
    );
  }
  if (pr) for (const p of await upsertComments(pr, bodies)) console.log(`Pull-request comment ${p.action}: ${p.url}`);
  return exit;
}

async function apply(plans, report, run) {
  let exit = 0;
  const statusUrl = input(env, "status-url");
  const junit = input(env, "junit");
  if (junit) mkdirSync(resolve(workspace, junit), { recursive: true });
  for (const file of plans) {
    const name = planName(file);
    const args = ["apply", file, "--json", "--once-per", input(env, "once-per")];
    const applied = await run(statusUrl ? [...args, "--report-to", statusUrl] : args);
    exit = worse(exit, applied.code);
    if (!applied.stdout.trim()) continue;
    const path = join(report, `${name}.json`);
    writeFileSync(path, applied.stdout);
    const { summary: s } = JSON.parse(applied.stdout);
    counts.created += s.created;
    counts.satisfied += s.satisfied;
    counts["create-errors"] += s.failed;
    counts["not-started"] += s.notStarted;
    console.log(
      `qac apply ${file}: ${s.created} created, ${s.satisfied} satisfied, ${s.failed} create errors, ${s.notStarted} ` +
        `not started`,
    );
    if (!flag(env, "wait")) continue;
    const waitArgs = ["wait", path, "--timeout", input(env, "timeout", "30m")];
    exit = worse(exit, (await run(junit ? [...waitArgs, "--junit", join(junit, `${name}.xml`)] : waitArgs, true)).code);
  }
  return exit;
}

main()
  .then((code) => {
    for (const [name, value] of Object.entries(counts)) output(name, value);
    output("exit-code", code);
    process.exitCode = code;
  })
  .catch((error) => {
    console.log(`::error::${error instanceof Error ? error.message : String(error)}`);
    output("exit-code", 1);
    process.exitCode = 1;
  });
