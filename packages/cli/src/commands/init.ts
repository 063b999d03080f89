import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { Option, type Command } from "commander";
import { CliError } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import type { CommandContext } from "../run-cli.js";
import { connect } from "../connect/connect.js";
import { projectRef } from "../connect/resolve-file.js";
import { readCatalog, type InitCatalog } from "./init-catalog.js";
import { CI_FILES, renderGithubWorkflow, renderGitlabCi, type CiSystem } from "./init-ci.js";
import { writeInitFiles, type InitFile } from "./init-files.js";
import { renderStarterPlan, shortName } from "./init-plan.js";

interface InitFlags {
  project?: string;
  plan?: string;
  host?: string;
  ci?: CiSystem;
  force?: boolean;
  url?: string;
  user?: string;
  passwordStdin?: boolean;
}

/** Where `npm install @qac/cli` puts the plan schema, from the repository root. */
const SCHEMA = "node_modules/@qac/schemas/plan.schema.json";

const help = `
Examples:
  $ qac init --project "Web Shop" --ci github        a plan with the project's names (QAC_URL etc. set), a workflow
  $ qac init --project 1001 --host build-agent-01    the test host, when no run names one yet
  $ qac init --project "Web Shop" --plan qac/nightly.yaml --force

Writes a starter plan (default qac/<project>.yaml) whose first line points editors at the
installed schema, and with --ci a workflow using the qac GitHub Action or GitLab template. With
QAC_URL, QAC_USER and QAC_PASSWORD it reads the project's names from QAComplete; without them it
writes a commented template. Never replaces a file without --force: running it twice changes nothing.`;

const posix = (path: string) => path.split(sep).join("/");
const indent = (text: string) =>
  text
    .trimEnd()
    .split("\n")
    .map((line) => `              ${line}`)
    .join("\n");

function ownVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/** `qac init`: scaffolds qac in a user's repository (run from its root). */
export function registerInit(program: Command, ctx: CommandContext): void {
  program
    .command("init")
    .description("scaffold qac in your repository: a starter plan, the editor schema line, a CI workflow")
    .option("--project <id|name>", "your QAComplete project (required)")
    .option("--plan <file>", "where to write the plan (default: qac/<project>.yaml)")
    .option("--host <name>", "the test host for the plan's runs (default: the host of the project's latest run)")
    .addOption(new Option("--ci <system>", "also write a CI workflow").choices(Object.keys(CI_FILES)))
    .option("--force", "replace files that exist (by default they are kept)")
    .option("--url <url>", "QAComplete server root (default: $QAC_URL)")
    .option("--user <email>", "QAComplete login (default: $QAC_USER)")
    .option("--password-stdin", "read the password from standard input (default: $QAC_PASSWORD)")
    .addHelpText("after", help)
    .action(async (flags: InitFlags) => {
      if (!flags.project)
        throw new CliError(
          "CLI_USAGE",
          "qac init needs --project <id or name>: the QAComplete project to plan runs in.",
        );
      const env = ctx.io.env;
      // Names come from QAComplete only when a connection is configured; otherwise a template.
      const password = flags.passwordStdin || Boolean(env["QAC_PASSWORD"]);
      const online = Boolean((flags.url ?? env["QAC_URL"]) && (flags.user ?? env["QAC_USER"]) && password);
      let catalog: InitCatalog | undefined;
      if (online) {
        const client = await connect(flags, ctx);
        try {
          catalog = await readCatalog(client, projectRef(flags.project));
        } finally {
          await client.close();
        }
      }
      const name = shortName(catalog?.project.name ?? flags.project);
      const planPath = posix(flags.plan ?? `qac/${name}.yaml`);
      const schemaPath = posix(relative(dirname(resolve(ctx.io.cwd, planPath)), resolve(ctx.io.cwd, SCHEMA)));
      const plan = renderStarterPlan({
        project: projectRef(flags.project),
        schemaPath: schemaPath.startsWith(".") ? schemaPath : `./${schemaPath}`,
        planPath,
        ...(flags.host ? { host: flags.host } : {}),
        ...(catalog ? { catalog } : {}),
      });
      const files: InitFile[] = [
        {
          path: planPath,
          text: plan,
          what: catalog
            ? `starter plan for ${catalog.project.name} (${catalog.project.id}), names read from QAComplete`
            : `starter plan for ${flags.project}: a template, fill in your names`,
        },
      ];
      if (flags.ci) {
        const input = { plans: planPath, planDir: posix(dirname(planPath)), version: ownVersion() };
        const text = flags.ci === "github" ? renderGithubWorkflow(input) : renderGitlabCi(input);
        const what = flags.ci === "github" ? "GitHub Actions workflow" : "GitLab CI pipeline";
        files.push({ path: CI_FILES[flags.ci], text, what: `${what}: preview on review, apply on the main branch` });
      }
      const out = (line: string) => void ctx.io.stdout.write(`${line}\n`);
      for (const { file, outcome } of await writeInitFiles(ctx.io.cwd, files, flags.force === true)) {
        out(
          `${outcome.padEnd(11)} ${file.path}  ` +
            `(${outcome === "kept" ? "exists and differs; --force replaces it" : file.what})`,
        );
        if (outcome === "kept" && file.path === CI_FILES.gitlab)
          out(
            `            to keep your pipeline, add to it ` +
              `instead:\n${indent(file.text.slice(file.text.indexOf("include:")))}`,
          );
      }
      if (!existsSync(join(ctx.io.cwd, SCHEMA)))
        ctx.io.stderr.write(
          `Note: ${SCHEMA} is not installed, so editors cannot check the plan yet: npm install --save-dev @qac/cli ` +
            `@qac/schemas\n`,
        );
      out(`Next: npx qac validate ${planPath}, then npx qac plan ${planPath} (QAC_URL, QAC_USER, QAC_PASSWORD).`);
      ctx.setExit(EXIT.OK);
    });
}
