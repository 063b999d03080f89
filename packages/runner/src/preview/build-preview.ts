import { basename, extname } from "node:path";
import type { ResolvedPlan } from "@qac/planner";
import type { PreviewDocument, PreviewRun } from "@qac/schemas";
import { summarize, type Change, type ChangeSummary, type Decision } from "../diff/change.js";
import type { RunHistory } from "../observe/observed-run.js";
import { describeRun } from "../report/apply-report.js";
import { checkEveryRun } from "../report/check-every-run.js";

// The `qac plan --format json` document and its runs, generated from schemas/preview.schema.json.
export type { PreviewDocument, PreviewRun };

const ORDER: Record<Decision, number> = { "create-forced": 0, create: 1, skip: 2 };

/** Sorts changes for display: forced creates, creates, then skips; each by run key. Deterministic. */
function displayOrder<T extends { decision: Decision; runKey: string }>(runs: readonly T[]): T[] {
  return [...runs].sort(
    (a, b) => ORDER[a.decision] - ORDER[b.decision] || (a.runKey < b.runKey ? -1 : a.runKey > b.runKey ? 1 : 0),
  );
}

/**
 * Builds the preview of a diff: plain data every renderer (text, markdown, JSON) starts from.
 * Every run the plan expands to is in it exactly once, or it throws RUNNER_LOST_RUNS.
 */
export function buildPreview(
  plan: ResolvedPlan,
  history: RunHistory,
  changes: readonly Change[],
  planName = basename(plan.file, extname(plan.file)),
): PreviewDocument {
  checkEveryRun(
    plan,
    changes.map((c) => c.run.runKey),
    "preview",
  );
  return {
    version: 1,
    kind: "qac-preview",
    plan: { name: planName, file: plan.file },
    project: { id: plan.project.id, name: plan.project.name },
    applyIdentity: history.applyIdentity,
    observedAt: history.observedAt,
    calls: { resolve: { total: plan.calls.total, minimum: plan.calls.minimum }, observe: history.calls },
    summary: summarize(changes),
    runs: displayOrder(
      changes.map((c) => ({
        ...describeRun(c.run),
        identityKey: c.run.identityKey,
        sequence: c.run.sequence,
        decision: c.decision,
        satisfiedBy: c.satisfiedBy,
        satisfiedByStatus: c.satisfiedByStatus,
        reason: c.reason,
        origin: { file: c.run.origin.file, line: c.run.origin.line },
      })),
    ),
  };
}

/** "3 to create (1 forced), 2 already satisfied". */
export function summaryLine(s: ChangeSummary): string {
  const creating = s.create + s.createForced;
  return `${creating} to create${s.createForced ? ` (${s.createForced} forced)` : ""}, ${s.skip} already satisfied`;
}
