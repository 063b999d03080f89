/**
 * @qac/runner: diff a resolved plan against Run History, preview it, apply it idempotently,
 * wait for the runs and report.
 */
export { observeRunHistory } from "./observe/observe-run-history.js";
export type { ObserveOptions, RunnerClient } from "./observe/observe-run-history.js";
export type { ObservedRun, ObserveCalls, RunHistory } from "./observe/observed-run.js";
export { createLocalRunTestCache } from "./observe/run-test-cache.js";
export type { RunFingerprint, RunTestCache } from "./observe/run-test-cache.js";
export { diffPlan } from "./diff/diff-plan.js";
export type { Change, ChangeSummary, Decision, SkipCause } from "./diff/change.js";
export { applyPlan } from "./apply/apply-plan.js";
export type { ApplyEvent, ApplyOptions } from "./apply/apply-plan.js";
export type { SavedDecision, StaleRun } from "./apply/check-stale.js";
export type { Sleep } from "./sleep.js";
export { detectCi } from "./report/apply-report.js";
export type { ApplyReport, CiInfo, Outcome, ReportRun } from "./report/apply-report.js";
export { createLocalLeaseProvider } from "./lease/local-lease.js";
export type { LocalLeaseOptions } from "./lease/local-lease.js";
export type { Lease, LeaseHolder, LeaseProvider, AcquireOptions } from "./lease/lease.js";
export { describeHolder } from "./lease/describe-holder.js";
export { createLocalLedger, DEFAULT_STATE_FILE } from "./ledger/local-ledger.js";
export type { LocalLedger } from "./ledger/local-ledger.js";
export { createDurableLedger } from "./ledger/durable-ledger.js";
export type { DurableLedger, RemoteLedger } from "./ledger/durable-ledger.js";
export type { LedgerEntry, LedgerRecord, LedgerStore } from "./ledger/ledger-store.js";
export { createStatusClient } from "./status-client/create-status-client.js";
export type {
  StatusClient,
  StatusClientOptions,
  StatusLease,
  StatusLeaseRequest,
} from "./status-client/create-status-client.js";
export { createStatusLeaseProvider } from "./status-client/status-lease-provider.js";
export type { StatusLeaseOptions } from "./status-client/status-lease-provider.js";
export {
  RUNNER_ERROR_CODES,
  /** @public Thrown by every function here; `isRunnerError` narrows to it. */
  RunnerError,
  isRunnerError,
} from "./errors.js";
export type { RunnerErrorCode, RunnerErrorDetails } from "./errors.js";
export { buildPreview, summaryLine } from "./preview/build-preview.js";
export type { PreviewDocument, PreviewRun } from "./preview/build-preview.js";
export { renderPreviewMarkdown } from "./preview/render-preview-markdown.js";
export type { MarkdownOptions } from "./preview/render-preview-markdown.js";
export { renderInvalidPlanMarkdown } from "./preview/render-invalid-plan-markdown.js";
export { createSavedPlan, parseSavedPlan, looksLikeSavedPlan } from "./saved-plan/saved-plan.js";
export type { SavedPlan } from "./saved-plan/saved-plan.js";
export { waitForRuns } from "./wait/wait-for-runs.js";
export { summarizeWait } from "./report/wait-summary.js";
export type { RunLabels, WaitSummary } from "./report/wait-summary.js";
export type { WaitOptions, WaitResult } from "./wait/wait-for-runs.js";
export { collectRunItems } from "./wait/collect-run-items.js";
export { renderJunit } from "./wait/render-junit.js";
export type { JunitOptions } from "./wait/render-junit.js";
