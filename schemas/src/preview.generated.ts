/* eslint-disable */
/**
 * GENERATED from schemas/preview.schema.json by `pnpm --filter @qac/schemas generate`. Do not edit:
 * change the schema and regenerate (a test fails when this file drifts from the schema).
 */

/**
 * The output of `qac plan --format json` (version 1): for each desired run of a plan, whether `qac apply` would create it and why. Additive changes keep version 1; anything else raises it.
 */
export interface PreviewDocument {
  version: 1;
  kind: "qac-preview";
  plan: {
    name: string;
    file: string;
  };
  project: {
    id: number;
    name: string;
  };
  applyIdentity: string | null;
  /**
   * ISO 8601 date-time (UTC)
   */
  observedAt: string;
  /**
   * API calls made to resolve the plan and to read Run History, with the fewest the API allows.
   */
  calls: {
    resolve: {
      total: number;
      minimum: number;
    };
    observe: {
      total: number;
      runLists: number;
      itemLists: number;
      minimum: number;
    };
  };
  summary: {
    total: number;
    create: number;
    createForced: number;
    skip: number;
  };
  runs: PreviewRun[];
}
/**
 * One desired run of the plan: whether `qac apply` would create it, and why.
 *
 * This interface was referenced by `PreviewDocument`'s JSON-Schema
 * via the `definition` "run".
 */
export interface PreviewRun {
  identity: string;
  identityKey: string;
  runKey: string;
  kind: "test" | "testSet";
  testId: number | null;
  testSetId: number | null;
  title: string;
  configuration: null | {
    id: number;
    title: string;
  };
  release: null | {
    id: number;
    title: string;
    path: string;
  };
  host: null | {
    id: number;
    name: string;
  };
  sequence: null | {
    group: string;
    position: number;
    size: number;
  };
  decision: "create" | "create-forced" | "skip";
  /**
   * The run that satisfies it (skip only).
   */
  satisfiedBy: number | null;
  satisfiedByStatus: string | null;
  reason: string;
  origin: {
    file: string;
    line: number;
  };
}
