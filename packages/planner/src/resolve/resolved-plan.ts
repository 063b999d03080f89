import type { CreateTestRunBody, HostId, ProjectId, ReleaseId, TestConfigId, TestId, TestSetId } from "@qac/core";
import type { Origin, TargetKind } from "../plan.js";

/** A configuration as resolved: the plan's short name, its id and title. */
export interface ResolvedConfiguration {
  name: string;
  id: TestConfigId;
  title: string;
}

/** A release, iteration or build as resolved; `path` is its titles from the top (`2026.12 / RC1 / Build 42`). */
export interface ResolvedRelease {
  name: string;
  id: ReleaseId;
  title: string;
  path: string;
}

/** A test host as resolved; `hostName` is its registered name (unknown when given by id). */
export interface ResolvedHost {
  name: string;
  id: HostId;
  hostName: string | null;
}

/** Runs sharing a group are created one at a time in `position` order (not waiting for each to finish). */
export interface SequencePosition {
  group: string;
  position: number;
  /** Runs in the group. */
  size: number;
}

/**
 * One run the plan wants: one per (test or set, configuration, release, host).
 * `body` is exactly what `POST testruns` takes to start it.
 */
export interface DesiredRun {
  /** Stable identity: a hash of {@link DesiredRun.identityKey}; equal across plan edits that keep the run. */
  identity: string;
  /** Readable identity: `p1001/set:6101/cfg:801/rel:904/host:101` (`-` where none). */
  identityKey: string;
  /** The plan's run key (`entryKey/configuration/release`), for selection and messages. */
  runKey: string;
  entryKey: string;
  projectId: ProjectId;
  kind: TargetKind;
  testId: TestId | null;
  testSetId: TestSetId | null;
  /** Title of the test or test set. */
  title: string;
  /** Folder of the test or test set, when the server reports it. */
  folder: string | null;
  /** True when QAComplete marks the test or set as automated. */
  automated: boolean;
  configuration: ResolvedConfiguration | null;
  release: ResolvedRelease | null;
  host: ResolvedHost | null;
  /** IsSequential sent with the run. */
  isSequential: boolean;
  /** ForceNewRunCreation sent with the run. */
  forceNewRun: boolean;
  /** null: the run starts independently of others. */
  sequence: SequencePosition | null;
  labels: string[];
  /** Where the entry is written (file:line). */
  origin: Origin;
  /** The `POST /api/v2/projects/{ProjectId}/testruns` body qac sends, `ForceNewRunCreation: true` included. */
  body: CreateTestRunBody;
}

/** API calls made while resolving, and the fewest the API allows for the same plan. */
export interface ResolveCalls {
  total: number;
  byKind: Record<string, number>;
  /** One page per fetched entity kind, one search per chunk of test names, one lookup per host name. */
  minimum: number;
}

/** A plan with every name resolved: deterministic (plan order) and ready to diff or apply. */
export interface ResolvedPlan {
  version: 1;
  file: string;
  files: string[];
  project: { id: ProjectId; name: string };
  runs: DesiredRun[];
  /**
   * The run keys the plan expands to (after `--only`/`--exclude`), in plan order: each one is a
   * run of `runs`. Previews and apply reports account for every one of them, exactly once; a
   * program that narrows `runs` itself narrows this list the same way (or uses a selection).
   */
  plannedRunKeys: string[];
  calls: ResolveCalls;
}
