/* eslint-disable */
/**
 * GENERATED from schemas/saved-plan.schema.json by `pnpm --filter @qac/schemas generate`. Do not edit:
 * change the schema and regenerate (a test fails when this file drifts from the schema).
 */

/**
 * The `POST /api/v2/projects/{ProjectId}/testruns` body: exactly one of TestId and TestSetId.
 *
 * This interface was referenced by `SavedPlan`'s JSON-Schema
 * via the `definition` "body".
 */
export type SavedRunBody =
  | {
      TestId: number;
      TestSetId?: never;
      TestConfigId?: number;
      ReleaseId?: number;
      RunByHostId?: number;
      IsSequential?: boolean;
      ForceNewRunCreation?: boolean;
    }
  | {
      TestSetId: number;
      TestId?: never;
      TestConfigId?: number;
      ReleaseId?: number;
      RunByHostId?: number;
      IsSequential?: boolean;
      ForceNewRunCreation?: boolean;
    };

/**
 * The file `qac plan --out plan.json` writes (version 1): the resolved plan (ids, bodies) and the decisions made from Run History, so `qac apply plan.json` applies exactly that, or refuses it as stale. qac writes and reads it; it is not meant to be edited.
 */
export interface SavedPlan {
  version: 1;
  kind: "qac-saved-plan";
  /**
   * ISO 8601 date-time (UTC)
   */
  createdAt: string;
  /**
   * The plan's name in reports and leases.
   */
  planName: string;
  /**
   * The --once-per id the plan was made with, or null.
   */
  applyIdentity: string | null;
  /**
   * When Run History was read (ISO 8601, UTC).
   */
  observedAt: string;
  plan: SavedResolvedPlan;
  decisions: SavedDecision[];
}
/**
 * The plan with every name resolved, as `resolvePlan` returns it.
 *
 * This interface was referenced by `SavedPlan`'s JSON-Schema
 * via the `definition` "plan".
 */
export interface SavedResolvedPlan {
  version: 1;
  file: string;
  files: string[];
  project: {
    id: number;
    name: string;
  };
  runs: SavedDesiredRun[];
  /**
   * The run keys the plan expands to, in plan order (missing in plans saved by an early qac: then the runs' keys).
   */
  plannedRunKeys?: string[];
  calls: {
    total: number;
    byKind: {
      [k: string]: number;
    };
    minimum: number;
  };
}
/**
 * One run the plan wants, with the body `POST testruns` takes to start it.
 *
 * This interface was referenced by `SavedPlan`'s JSON-Schema
 * via the `definition` "run".
 */
export interface SavedDesiredRun {
  identity: string;
  identityKey: string;
  runKey: string;
  entryKey: string;
  projectId: number;
  kind: "test" | "testSet";
  testId: number | null;
  testSetId: number | null;
  title: string;
  folder: string | null;
  automated: boolean;
  configuration: null | {
    name: string;
    id: number;
    title: string;
  };
  release: null | {
    name: string;
    id: number;
    title: string;
    path: string;
  };
  host: null | {
    name: string;
    id: number;
    hostName: string | null;
  };
  isSequential: boolean;
  forceNewRun: boolean;
  sequence: null | {
    group: string;
    position: number;
    size: number;
  };
  labels: string[];
  origin: SavedOrigin;
  body: SavedRunBody;
}
/**
 * Where an entry is written: file, 1-based line and column, and the path in the document.
 *
 * This interface was referenced by `SavedPlan`'s JSON-Schema
 * via the `definition` "origin".
 */
export interface SavedOrigin {
  file: string;
  line: number;
  column: number;
  endColumn?: number;
  path: string;
  sourceLine?: string;
}
/**
 * A saved plan's decision for one run: `qac apply` refuses the plan as stale when Run History gives another.
 *
 * This interface was referenced by `SavedPlan`'s JSON-Schema
 * via the `definition` "decision".
 */
export interface SavedDecision {
  identity: string;
  decision: "create" | "create-forced" | "skip";
  /**
   * The run that satisfies it (skip only).
   */
  satisfiedBy: number | null;
}
