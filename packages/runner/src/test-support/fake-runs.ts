import {
  toHostId,
  toProjectId,
  toReleaseId,
  toTestConfigId,
  toTestId,
  toTestRunId,
  toTestSetId,
  type CreateTestRunBody,
} from "@qac/core";
import { runIdentity, type DesiredRun, type ResolvedPlan } from "@qac/planner";
import type { ObservedRun } from "../observe/observed-run.js";

/** A desired run in a test's words: ids and names; everything else follows from them. */
export interface FakeDesiredRun {
  /** The entry key, first part of the run key. @default "search" */
  key?: string;
  /** A single-test run of this test (unless `testSet` is given). @default 3101 */
  test?: number;
  /** A test set run of this set. */
  testSet?: number;
  /** Configuration id. @default null */
  configuration?: number | null;
  /** Release id. @default null */
  release?: number | null;
  /** Host name (registered, so runs are matched by it). @default null */
  host?: string | null;
  /** @default false */
  forceNewRun?: boolean;
}

const PROJECT = 1001;

/** Host ids of the names tests use, as the simulator's Web Shop registers them. */
const HOST_IDS: Record<string, number> = { "build-agent-01": 101, "build-agent-02": 102 };

/**
 * A complete {@link DesiredRun} as `resolvePlan` makes it, from plain data: pure code (diffs,
 * saved plans, reports) is tested with it, no simulator needed.
 */
export function fakeDesiredRun(f: FakeDesiredRun = {}): DesiredRun {
  const key = f.key ?? "search";
  const kind = f.testSet === undefined ? "test" : "testSet";
  const target = f.testSet ?? f.test ?? 3101;
  const configuration = f.configuration ?? null;
  const release = f.release ?? null;
  const host = f.host ?? null;
  const hostId = host === null ? null : (HOST_IDS[host] ?? 199);
  const body: CreateTestRunBody =
    kind === "test" ? { TestId: toTestId(target) } : { TestSetId: toTestSetId(target), IsSequential: false };
  if (configuration !== null) body.TestConfigId = toTestConfigId(configuration);
  if (release !== null) body.ReleaseId = toReleaseId(release);
  if (hostId !== null) body.RunByHostId = toHostId(hostId);
  body.ForceNewRunCreation = true;
  const runKey = [key, configuration === null ? "-" : `c${configuration}`, release === null ? "-" : `r${release}`];
  return {
    ...runIdentity({
      projectId: PROJECT,
      kind,
      targetId: target,
      configurationId: configuration,
      releaseId: release,
      hostId,
    }),
    runKey: runKey.join("/"),
    entryKey: key,
    projectId: toProjectId(PROJECT),
    kind,
    testId: kind === "test" ? toTestId(target) : null,
    testSetId: kind === "testSet" ? toTestSetId(target) : null,
    title: `${kind === "test" ? "Test" : "Test set"} ${target}`,
    folder: null,
    automated: true,
    configuration:
      configuration === null
        ? null
        : { name: `c${configuration}`, id: toTestConfigId(configuration), title: `Configuration ${configuration}` },
    release:
      release === null
        ? null
        : {
            name: `r${release}`,
            id: toReleaseId(release),
            title: `Build ${release}`,
            path: `2026.12 / Build ${release}`,
          },
    host: host === null || hostId === null ? null : { name: host, id: toHostId(hostId), hostName: host },
    isSequential: false,
    forceNewRun: f.forceNewRun ?? false,
    sequence: null,
    labels: [],
    origin: { file: "plan.yaml", line: 1, column: 5, path: "/entries/0" },
    body,
  };
}

/** A run of Run History with the same test or set, configuration, release and host as `run`. */
export function fakeObservedRun(run: DesiredRun, over: Partial<Omit<ObservedRun, "id">> & { id: number }): ObservedRun {
  return {
    kind: run.kind,
    testId: run.testId,
    testSetId: run.testSetId,
    configurationId: run.configuration?.id ?? null,
    releaseId: run.release?.id ?? null,
    hostName: run.host?.hostName ?? null,
    status: "Awaiting Run",
    ...over,
    id: toTestRunId(over.id),
  };
}

/** A resolved plan of `runs`, in the Web Shop project. */
export function fakeResolvedPlan(runs: DesiredRun[]): ResolvedPlan {
  return {
    version: 1,
    file: "plan.yaml",
    files: ["plan.yaml"],
    project: { id: toProjectId(PROJECT), name: "Web Shop" },
    runs,
    plannedRunKeys: runs.map((r) => r.runKey),
    calls: { total: 0, byKind: {}, minimum: 0 },
  };
}
