import { writeFile } from "node:fs/promises";
import { basename, extname, resolve } from "node:path";
import type { Command } from "commander";
import type { Diagnostic } from "@qac/planner";
import { useColor } from "../cli-io.js";
import { EXIT, exitForInvalid, type ExitCode } from "../exit-codes.js";
import { addConnectionOptions, type ConnectionFlags } from "../options/connection-options.js";
import { addFormatOption, type OutputFormat } from "../options/output-format.js";
import { addPlanOptions, type PlanFlags as SelectionFlags } from "../options/plan-options.js";
import type { CommandContext } from "../run-cli.js";

interface PlanFlags extends ConnectionFlags, SelectionFlags {
  format: OutputFormat;
  out?: string;
  detailedExitcode?: boolean;
}

const help = [
  "",
  "Examples:",
  "  $ qac plan examples/plans/smoke.yaml                       preview: what apply would create, and why",
  "  $ qac plan smoke.yaml --format markdown > comment.md       " +
    "a pull-request comment (marker: <!-- qac-preview: smoke -->)",
  "  $ qac plan smoke.yaml --format json                        versioned JSON (schemas/preview.schema.json)",
  "  $ qac plan smoke.yaml --out plan.json                      save it; qac apply plan.json applies exactly that",
  "  $ qac plan smoke.yaml --detailed-exitcode                  exit 2 when there is something to create",
  "  $ QAC_PASSWORD=... qac plan smoke.yaml --url https://rest.qacomplete.smartbear.com --user me@example.com",
  "",
  "Exit codes: 0 nothing to create (or success without --detailed-exitcode), 1 error,",
  "2 changes pending (--detailed-exitcode), 3 invalid plan.",
].join("\n");

/** `qac plan FILE...`: the dry run. Reads Run History, prints the decisions, creates nothing. */
export function registerPlan(program: Command, ctx: CommandContext): void {
  const command = program
    .command("plan")
    .description("preview what `qac apply` would create (reads Run History, creates nothing)")
    .argument("<files...>", "plan files (.yaml)")
    .option("--out <file>", "save the plan and its decisions for `qac apply <file>` (one plan file only)")
    .option("--detailed-exitcode", "exit 2 when runs would be created, 0 when nothing would");
  addFormatOption(command, ["text", "markdown", "json"], "a table (text), a pull-request comment (markdown) or JSON");
  addPlanOptions(addConnectionOptions(command))
    .addHelpText("after", help)
    .action(async (files: string[], flags: PlanFlags) => {
      const runner = await import("@qac/runner");
      const { connect } = await import("../connect/connect.js");
      const { resolveFile } = await import("../connect/resolve-file.js");
      const { stores } = await import("../connect/stores.js");
      const { renderPreviewText } = await import("../render/render-preview-text.js");
      const { safeJson } = await import("../render/safe-json.js");
      const { createStyle } = await import("../render/style.js");
      if (flags.out && files.length > 1) {
        ctx.io.stderr.write("qac plan: --out saves one plan; give one plan file.\n");
        return ctx.setExit(EXIT.ERROR);
      }
      // Two documents one after the other are not one JSON value: a reader would fail on them.
      if (flags.format === "json" && files.length > 1) {
        ctx.io.stderr.write(
          "qac plan: --format json describes one plan (schemas/preview.schema.json); run it once per plan file.\n",
        );
        return ctx.setExit(EXIT.ERROR);
      }
      const client = await connect(flags, ctx);
      let exit: ExitCode = EXIT.OK;
      try {
        const { ledger: store, runTests } = await stores(flags, ctx);
        const ledger = flags.oncePer ? store : null;
        const statusUrl = flags.statusUrl ?? ctx.io.env["QAC_STATUS_URL"] ?? null;
        for (const file of files) {
          const diagnostics: Diagnostic[] = [];
          const plan = await resolveFile(file, flags, client, ctx, diagnostics);
          if (!plan) {
            // The pull-request comment of an invalid plan shows its diagnostics (and replaces the last preview).
            if (flags.format === "markdown")
              ctx.io.stdout.write(
                runner.renderInvalidPlanMarkdown(basename(file, extname(file)), file, diagnostics, { statusUrl }),
              );
            // A plan file that cannot be read is "any other error" (1), as in qac validate.
            exit = exit === EXIT.INVALID_PLAN ? exit : exitForInvalid(diagnostics);
            continue;
          }
          const history = await runner.observeRunHistory(client, plan.project.id, plan.runs, {
            applyIdentity: flags.oncePer ?? null,
            ledger,
            runTests,
          });
          const changes = runner.diffPlan(plan.runs, history);
          const planName = basename(plan.file, extname(plan.file));
          const doc = runner.buildPreview(plan, history, changes, planName);
          if (flags.format === "json") ctx.io.stdout.write(`${safeJson(doc)}\n`);
          else if (flags.format === "markdown")
            ctx.io.stdout.write(
              runner.renderPreviewMarkdown(doc, {
                statusUrl,
                warnings: diagnostics.filter((d) => d.severity === "warning"),
              }),
            );
          else ctx.io.stdout.write(renderPreviewText(doc, createStyle(useColor(ctx.io.stdout, ctx.io.env))));
          if (flags.out) {
            const saved = runner.createSavedPlan(plan, history, changes, planName);
            await writeFile(resolve(ctx.io.cwd, flags.out), `${JSON.stringify(saved, null, 2)}\n`, "utf8");
            ctx.io.stderr.write(`Saved to ${flags.out}: apply exactly this with \`qac apply ${flags.out}\`.\n`);
          }
          if (flags.detailedExitcode && exit === EXIT.OK && doc.summary.create + doc.summary.createForced > 0)
            exit = EXIT.CHANGES_PENDING;
        }
      } finally {
        await client.close();
      }
      ctx.setExit(exit);
    });
}
