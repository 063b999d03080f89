import {
  chunkInFilters,
  filter,
  readAll,
  UNFINISHED_RUN_STATUSES,
  type Filter,
  type ProjectId,
  type QacClient,
  type TestId,
  type TestRun,
} from "@qac/core";
import type { DesiredRun } from "@qac/planner";
import pLimit from "p-limit";
import type { LedgerStore } from "../ledger/ledger-store.js";
import { reconcileIntents } from "./reconcile-intents.js";
import type { ObservedRun, RunHistory } from "./observed-run.js";
import type { RunTestCache } from "./run-test-cache.js";
import { toObservedRun } from "./to-observed-run.js";

/** The part of the client the runner uses (`serverNow` stamps `--once-per` intents with the server's time). */
export type RunnerClient = Pick<QacClient, "testRuns"> & Partial<Pick<QacClient, "serverNow">>;

/** Options of {@link observeRunHistory}. */
export interface ObserveOptions {
  /** `--once-per` id: also read the ledger of runs earlier applies with this id created. */
  applyIdentity?: string | null;
  ledger?: LedgerStore | null;
  /** Rows per `GET testruns` page. @default 1000 */
  pageSize?: number;
  /** Longest URL-encoded filter per request (test runs have no search POST, reference §2.4). @default 1500 */
  maxFilterLength?: number;
  /** Parallel item reads for single-test runs. @default 8 */
  concurrency?: number;
  /** Known test ids of single-test runs: their items need not be read again. */
  runTests?: RunTestCache | null;
  /** QAComplete's offset from UTC, to read its zone-less run dates when reconciling intents. @default 0 */
  serverUtcOffsetMinutes?: number;
  /**
   * How much earlier than an intent a run may seem to start (the intent is stamped with the server's clock).
   * @default 0
   */
  intentToleranceMs?: number;
}

/** Unfinished runs, in a documented filter form: `in {..}` takes numbers only (reference §13). */
export const unfinishedFilter = (): Filter => filter.anyOf("StatusCode", UNFINISHED_RUN_STATUSES);

/**
 * Reads the unfinished runs that could satisfy `runs`, with as few calls as the API allows:
 * set runs with `(TestSetId in {...}) AND (unfinished status)` (chunked under the URL
 * budget, large pages); single-test runs with `(TestSetId = 0)` plus the plan's configurations
 * and releases; then, because a single-test run names its test only on its item (reference
 * §3.3, no project-wide items endpoint), one items call per unfinished single-test run whose
 * configuration, release and host match a desired run, and no others.
 */
export async function observeRunHistory(
  client: RunnerClient,
  projectId: ProjectId,
  runs: readonly DesiredRun[],
  options: ObserveOptions = {},
): Promise<RunHistory> {
  const pageSize = options.pageSize ?? 1000;
  const budget = { maxEncodedLength: options.maxFilterLength ?? 1500 };
  const calls = { total: 0, runLists: 0, itemLists: 0, minimum: 0 };
  let minimumPages = 0;
  // Pages overlap by a tenth: runs finishing while we page drop out of the filter and shift the
  // rest towards the start, so without an overlap the first rows of the next page would be
  // skipped, and a pending run never seen is created again. Rows are deduplicated by id.
  const listAll = async (f: Filter): Promise<TestRun[]> => {
    let total: number | null = null;
    const rows = await readAll((offset, limit) => client.testRuns.list(projectId, { filter: f, offset, limit }), {
      pageSize,
      overlap: Math.floor(pageSize / 10),
      key: (row) => row.id,
      onPage: (page) => {
        calls.runLists += 1;
        total ??= page.total;
      },
    });
    minimumPages += Math.max(1, Math.ceil((total ?? 0) / pageSize));
    return rows;
  };
  const sets = [...new Set(runs.flatMap((r) => (r.testSetId === null ? [] : [r.testSetId as number])))];
  const tests = runs.filter((r) => r.kind === "test");
  const observed: ObservedRun[] = [];
  const setFilters = chunkInFilters("TestSetId", sets, { ...budget, and: unfinishedFilter() });
  for (const f of setFilters)
    observed.push(...(await listAll(f)).map(toObservedRun).filter((r) => r.kind === "testSet"));
  let testFilters: Filter[] = [];
  if (tests.length > 0) {
    const releases = [...new Set(tests.map((r) => r.release?.id ?? 0))];
    const configs = [...new Set(tests.map((r) => r.configuration?.id ?? 0))];
    // A handful of releases narrows the read; a long list would eat the URL budget, so it is left out.
    const byRelease = releases.length <= 20 ? [filter.in("ReleaseId", releases)] : [];
    const base = filter.and(filter.eq("TestSetId", 0), unfinishedFilter(), ...byRelease);
    testFilters = chunkInFilters("TestConfigId", configs, { ...budget, and: base });
    // The (configuration, release, host) cells of desired single-test runs; "*" when the host is
    // not compared (see matchesKey). A candidate is one set lookup, not a scan of the plan.
    const cells = new Set(
      tests.map((t) => cellKey(t.configuration?.id ?? null, t.release?.id ?? null, t.host?.hostName ?? null)),
    );
    const listed = (await Promise.all(testFilters.map(listAll))).flat();
    const rows = new Map<number, TestRun>(listed.map((row) => [row.id, row]));
    const candidates = listed
      .map(toObservedRun)
      .filter(
        (r) =>
          r.kind === "test" &&
          (cells.has(cellKey(r.configurationId, r.releaseId, r.hostName ?? "")) ||
            cells.has(cellKey(r.configurationId, r.releaseId, null))),
      );
    const cached = (await options.runTests?.get(candidates.map((r) => rows.get(r.id)!))) ?? new Map<number, number>();
    const learned: { run: TestRun; testId: number }[] = [];
    const limit = pLimit(options.concurrency ?? 8);
    await Promise.all(
      candidates.map((run) =>
        limit(async () => {
          const known = cached.get(run.id);
          if (known !== undefined) return void observed.push({ ...run, testId: known as TestId });
          const page = await client.testRuns.items.list(projectId, run.id, { limit: 1 });
          calls.itemLists += 1;
          const item = page.results[0];
          if (item) {
            observed.push({ ...run, testId: item.test_id });
            learned.push({ run: rows.get(run.id)!, testId: item.test_id });
          }
        }),
      ),
    );
    await options.runTests?.put(learned).catch(() => undefined);
  }
  calls.total = calls.runLists + calls.itemLists;
  calls.minimum = minimumPages + calls.itemLists;
  observed.sort((a, b) => a.id - b.id);
  const applyIdentity = options.applyIdentity ?? null;
  const records = applyIdentity !== null && options.ledger ? await options.ledger.read(projectId, applyIdentity) : null;
  const { ledger, intents, lookups } = await reconcileIntents(client, projectId, runs, records, {
    serverUtcOffsetMinutes: options.serverUtcOffsetMinutes ?? 0,
    toleranceMs: options.intentToleranceMs ?? 0,
  });
  calls.total += lookups;
  calls.minimum += lookups;
  return { projectId, observedAt: new Date().toISOString(), runs: observed, ledger, intents, applyIdentity, calls };
}

function cellKey(configurationId: number | null, releaseId: number | null, hostName: string | null): string {
  return `${configurationId ?? "-"}:${releaseId ?? "-"}:${hostName === null ? "*" : hostName.toLowerCase()}`;
}
