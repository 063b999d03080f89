import type { Tagged } from "type-fest";
import { QacError } from "./errors.js";

/** A QAComplete project id. The API sends it as a JSON string (`"11873"`); {@link toProjectId} normalises it. */
export type ProjectId = Tagged<number, "ProjectId">;
/** A test (Test Library entry) id. */
export type TestId = Tagged<number, "TestId">;
/** A test set id. */
export type TestSetId = Tagged<number, "TestSetId">;
/** A test configuration id (`TestConfigId` / `test_config_id`). */
export type TestConfigId = Tagged<number, "TestConfigId">;
/** A release, iteration or build id (one resource for all three levels). */
export type ReleaseId = Tagged<number, "ReleaseId">;
/** A test host id (automation API). */
export type HostId = Tagged<number, "HostId">;
/** A test run id. */
export type TestRunId = Tagged<number, "TestRunId">;
/** A test run item id (one item per test of the run). */
export type TestRunItemId = Tagged<number, "TestRunItemId">;
/** A user id. */
export type UserId = Tagged<number, "UserId">;

/**
 * Parses an id as the API may send it (a positive integer or a string of digits) into a number.
 * Throws `CORE_INVALID_ARGUMENT` naming `kind` when the value is not a positive safe integer.
 */
export function parseId(value: unknown, kind = "id"): number {
  const n = typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n === "number" && Number.isSafeInteger(n) && n > 0) return n;
  throw new QacError(
    "CORE_INVALID_ARGUMENT",
    `Invalid ${kind}: expected a positive integer or a string of digits, got ${describe(value)}.`,
  );
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean" || value == null) return String(value);
  return typeof value;
}

/** Brands a project id; accepts the API's string form (`"11873"`). */
export const toProjectId = (value: number | string): ProjectId => parseId(value, "ProjectId") as ProjectId;
/** Brands a test id. */
export const toTestId = (value: number | string): TestId => parseId(value, "TestId") as TestId;
/** Brands a test set id. */
export const toTestSetId = (value: number | string): TestSetId => parseId(value, "TestSetId") as TestSetId;
/** Brands a test configuration id. */
export const toTestConfigId = (value: number | string): TestConfigId => parseId(value, "TestConfigId") as TestConfigId;
/** Brands a release/iteration/build id. */
export const toReleaseId = (value: number | string): ReleaseId => parseId(value, "ReleaseId") as ReleaseId;
/** Brands a test host id. */
export const toHostId = (value: number | string): HostId => parseId(value, "HostId") as HostId;
/** Brands a test run id. */
export const toTestRunId = (value: number | string): TestRunId => parseId(value, "TestRunId") as TestRunId;
/** Brands a test run item id. */
export const toTestRunItemId = (value: number | string): TestRunItemId =>
  parseId(value, "TestRunItemId") as TestRunItemId;
/** Brands a user id. */
export const toUserId = (value: number | string): UserId => parseId(value, "UserId") as UserId;
