/**
 * The apply report as the runner sends it (contract: schemas/apply-report.schema.json, owned by
 * the runner). Only the fields the server reads are typed strictly; the whole report is stored
 * as sent and returned unchanged.
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
