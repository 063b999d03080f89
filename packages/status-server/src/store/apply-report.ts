/**
 * The apply report as the runner sends it (schemas/apply-report.schema.json, owned by the runner;
 * `ApplyReport` of @qac/runner is assignable to it, checked by a test). The store reads these
 * fields and keeps the whole report as sent. Nullable where the store copes with less than the
 * runner sends, so older or hand-made reports still load.
 */
export interface ApplyReportInput {
  version: 1;
  plan: { name: string; file: string | null };
  project: { id: number; name: string | null };
  applyIdentity: string | null;
  startedAt: string;
  finishedAt: string | null;
  status: "succeeded" | "failed" | "interrupted";
  ci: ApplyCiInfo | null;
  user: string | null;
  runs: ApplyReportRun[];
  summary: { created: number; satisfied: number; failed: number; notStarted: number };
}

/** Where an apply ran, as the runner read it from GitHub Actions or GitLab CI variables. */
export interface ApplyCiInfo {
  provider: "github" | "gitlab" | null;
  commit: string | null;
  job: string | null;
  pipeline: string | null;
  url: string | null;
  actor: string | null;
}

/** One desired run of an apply report. */
export interface ApplyReportRun {
  identity: string;
  runKey: string;
  kind: "test" | "testSet";
  testId: number | null;
  testSetId: number | null;
  title: string;
  configuration: { id: number; title: string } | null;
  release: { id: number; title: string; path?: string | null } | null;
  host: { id: number; name: string } | null;
  decision: string;
  outcome: string;
  runId: number | null;
  reason: string;
  status: string | null;
}
