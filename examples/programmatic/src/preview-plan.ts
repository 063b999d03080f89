/**
 * Preview a plan from TypeScript: what `qac plan` does. Loads the plan, resolves it, reads Run
 * History and decides, per desired run, whether `apply` would create it. Creates nothing.
 *
 *   pnpm --filter @qac/examples-programmatic preview
 */
import { pathToFileURL } from "node:url";
import type { QacClient } from "@qac/core";
import {
  buildPreview,
  diffPlan,
  observeRunHistory,
  renderPreviewMarkdown,
  summaryLine,
  type PreviewDocument,
} from "@qac/runner";
import { SMOKE_PLAN, startDemoServer } from "./demo-server.js";
import { resolvePlanFile } from "./resolve-plan-file.js";

/** Previews one plan file against a QAComplete server; returns the versioned preview document. */
async function previewPlan(client: QacClient, file: string): Promise<PreviewDocument> {
  const plan = await resolvePlanFile(client, file);
  const history = await observeRunHistory(client, plan.project.id, plan.runs);
  const changes = diffPlan(plan.runs, history); // pure: the same inputs always give the same decisions
  return buildPreview(plan, history, changes);
}

/** Runs the example against a fresh simulator and prints the decisions, then the preview as a PR comment. */
export async function main(
  print: (text: string) => void = (t) => void process.stdout.write(t),
): Promise<PreviewDocument> {
  const server = await startDemoServer();
  try {
    const doc = await previewPlan(server.client, SMOKE_PLAN);
    // The runner returns data, Markdown and JSON; a program prints what it needs from the document.
    print(`Plan ${doc.plan.name}: ${summaryLine(doc.summary)}\n`);
    for (const r of doc.runs) print(`  ${r.decision.padEnd(13)} ${r.kind} ${r.title}: ${r.reason}\n`);
    print(
      `\nThe same as a pull-request comment (${renderPreviewMarkdown(doc).length} characters), first ` +
        `line:\n${renderPreviewMarkdown(doc).split("\n")[0]}\n`,
    );
    return doc;
  } finally {
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
