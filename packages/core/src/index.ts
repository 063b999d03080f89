export { createClient } from "./create-client.js";
export type {
  QacClient,
  ProjectResource,
  SearchableResource,
  NestedResource,
  SearchOptions,
  IterateSearchOptions,
} from "./qac-client.js";
export type { ClientOptions, RequestLogEvent } from "./options.js";
export type { RetryOptions, ResolvedRetry, RetryFailure, RetryState } from "./retry.js";
export {
  parseRetryAfter,
  RETRY_DEFAULTS,
  resolveRetry,
  retryDelay,
  newRetryState,
  waitUnlessAborted,
} from "./retry.js";
export type { RequestFn } from "./request.js";
export type { ClientStats } from "./stats.js";
export type { Endpoints, Route, RouteParams, RouteResponse } from "./endpoints.js";
export type { Page, ListOptions, IterateOptions, PageWalk } from "./paginate.js";
export {
  /** @public */
  paginate,
  readAll,
} from "./paginate.js";
export { CORE_ERROR_CODES, QacError, QacRateLimitedError, QacCreateOutcomeUnknownError, isQacError } from "./errors.js";
export type { ConfigProblem, CoreErrorCode, QacErrorContext } from "./errors.js";
export type {
  ProjectId,
  TestId,
  TestSetId,
  TestConfigId,
  ReleaseId,
  HostId,
  TestRunId,
  TestRunItemId,
  UserId,
} from "./ids.js";
export {
  /** @public */
  parseId,
  toProjectId,
  toTestId,
  toTestSetId,
  toTestConfigId,
  toReleaseId,
  toHostId,
  toTestRunId,
  /** @public */
  toTestRunItemId,
  toUserId,
} from "./ids.js";
export { parseQacDate } from "./dates.js";
export type { ParseQacDateOptions } from "./dates.js";
export {
  filter,
  /** @public */
  filterLiteral,
} from "./filter.js";
export type { Filter, FilterValue } from "./filter.js";
export { chunkInFilters } from "./chunk-in-filters.js";
export type { ChunkInFiltersOptions } from "./chunk-in-filters.js";
export type {
  QacDateString,
  ResultSet,
  Permissions,
  ListEnvelope,
  CustomField,
  ListQuery,
  SearchBody,
} from "./wire/envelope.js";
export type {
  TestRun,
  TestRunItem,
  TestRunResult,
  RunStatus,
  ItemStatus,
  StepStatus,
  ExecutionType,
  CreateTestRunBody,
  CreateTestRunOptions,
  PatchTestRunItemBody,
  PatchTestRunItemStep,
} from "./wire/test-run.js";
export type { Test, TestAutomation, TestStep, TestSet, TestSetItem, TestConfiguration } from "./wire/library.js";
export type { Release, ReleaseType, Project, User, TestHost } from "./wire/admin.js";
export {
  UNFINISHED_RUN_STATUSES,
  /** @public */
  FINAL_RUN_STATUSES,
  isUnfinishedRun,
  isFinishedRun,
  isPassedRun,
  runStatusBucket,
} from "./run-status.js";
export type { RunStatusBucket } from "./run-status.js";
