import type { EntityRef, ReleaseRef } from "@qac/schemas";

/** Where something is written: file, 1-based line and column, and that line's text. */
export interface Origin {
  file: string;
  line: number;
  column: number;
  /** End column (exclusive) on the same line, for carets. */
  endColumn?: number;
  /** JSON Pointer into the file's document, e.g. `/entries/3`. */
  path: string;
  /** The source line, for caret excerpts in later (online) messages. */
  sourceLine?: string;
}

/** A configuration, release or host defined under a short name. */
export interface Definition<R> {
  /** The short name used in the plan. */
  name: string;
  /** What it refers to in QAComplete (name, id, or release path). */
  ref: R;
  origin: Origin;
}

/** Whether an entry runs one test or a test set. */
export type TargetKind = "test" | "testSet";

/** A plan entry after defaults are applied. */
export interface PlanEntry {
  /** The entry's key: as written, or derived from the test/set (`set:checkout-smoke`). */
  key: string;
  /** True when `key` was written in the plan. */
  keyGiven: boolean;
  kind: TargetKind;
  /** The test or test set as written. */
  ref: EntityRef;
  refOrigin: Origin;
  /** Configuration short names, or null for one run without a configuration. */
  configurations: string[] | null;
  /** Release short names, or null for one run without a release. */
  releases: string[] | null;
  /** Host short name from the entry or `defaults.host` (null: routing decides). */
  host: string | null;
  /** IsSequential as written (null: the test set's own setting; false for a single test). */
  sequential: boolean | null;
  /** ForceNewRunCreation (default false). */
  forceNewRun: boolean;
  labels: string[];
  sequenceGroup: string | null;
  manual: boolean;
  origin: Origin;
}

/** One routing rule (first match wins). */
export interface PlanRoutingRule {
  when: {
    configuration?: string[];
    test?: string[];
    testSet?: string[];
    folder?: string[];
    labels?: string[];
  };
  host: string;
  origin: Origin;
}

/** Host routing of a plan. */
export interface PlanRouting {
  rules: PlanRoutingRule[];
  fallback: { host: string; origin: Origin } | null;
}

/** How a run's host was chosen. */
export type HostSource = "entry" | "rule" | "fallback" | "manual" | "none" | "pending";

/** One run the plan asks for, before names are resolved against QAComplete. */
export interface PlannedRun {
  /** `entryKey/configuration/release` (`-` where none); unique in the plan. */
  key: string;
  entryKey: string;
  /** Index of the entry in {@link Plan.entries}. */
  entryIndex: number;
  kind: TargetKind;
  configuration: string | null;
  release: string | null;
  /** Host short name, when known offline. */
  host: string | null;
  /** `pending`: a routing rule on `folder` may apply, so the host is known only online. */
  hostSource: HostSource;
  /** Index of the routing rule that chose the host. */
  rule: number | null;
  labels: string[];
  origin: Origin;
}

/**
 * A loaded, offline-valid plan: every file merged, defaults applied, the matrix expanded.
 * Names are not yet resolved against QAComplete (see `resolvePlan`).
 */
export interface Plan {
  version: 1;
  /** The root plan file (`<text>` for text input). */
  file: string;
  /** Every file read, root first. */
  files: string[];
  project: Definition<EntityRef>;
  configurations: Record<string, Definition<EntityRef>>;
  releases: Record<string, Definition<ReleaseRef>>;
  hosts: Record<string, Definition<EntityRef>>;
  routing: PlanRouting;
  entries: PlanEntry[];
  runs: PlannedRun[];
}
