export { buildServer } from "./build-server.js";
export type { StatusServerOptions } from "./options.js";
export { openSqliteStore } from "./sqlite/open-sqlite-store.js";
export type { SqliteStoreOptions } from "./sqlite/open-sqlite-store.js";
export { MIGRATIONS, migrate } from "./sqlite/migrations.js";
export type { Migration } from "./sqlite/migrations.js";
export type {
  StatusStore,
  ApplyStore,
  RunStatusStore,
  LedgerStore,
  LeaseStore,
  ApplySummary,
  PlanOverview,
  RunView,
  RunQuery,
  StatusCounts,
  TrackedRun,
  RunStatusUpdate,
  RunStatusChange,
  StoredLedgerEntry,
} from "./store/status-store.js";
export { createPoller } from "./poller/create-poller.js";
export type { Poller, PollerOptions, PollerState, PollCycle } from "./poller/create-poller.js";
export { createEventHub } from "./events/create-event-hub.js";
export type { EventHub, StatusEvent } from "./events/create-event-hub.js";
export { StatusServerError, isStatusServerError, STATUS_ERROR_CODES } from "./errors.js";
export type { StatusErrorCode } from "./errors.js";
export { startStatusServer } from "./start-status-server.js";
export type { StartStatusServerOptions, RunningStatusServer } from "./start-status-server.js";
