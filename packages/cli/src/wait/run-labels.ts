import { chunkInFilters, readAll, type ProjectId, type QacClient, type TestRun } from "@qac/core";
import { collectRunItems, type ReportRun } from "@qac/runner";
import type { RunLabel } from "../render/describe-test-run.js";

/** Labels from an apply report: the plan's test or set title and the release path `qac apply` showed. */
export function labelsFromReport(
  runs: readonly (Pick<ReportRun, "runId" | "kind" | "title"> & { release: { path: string } | null })[],
): Map<number, RunLabel> {
  return new Map(
    runs.flatMap((r) =>
      r.runId === null || !r.title
        ? []
        : [[r.runId, { what: `${r.kind === "test" ? "test" : "set"} ${r.title}`, release: r.release?.path ?? null }]],
    ),
  );
}

/**
 * Labels for runs given by id (`qac wait <ids>`), read from QAComplete: the runs (one list call per
 * batch of ids), the project's releases for their full paths (only when a run has a release), and
 * the one item of each single-test run, which alone names its test (reference §3.3).
 */
export async function readRunLabels(
  client: QacClient,
  projectId: ProjectId,
  ids: readonly number[],
): Promise<Map<number, RunLabel>> {
  const runs: TestRun[] = [];
  for (const filter of chunkInFilters("Id", ids))
    runs.push(
      ...(await readAll((offset, limit) => client.testRuns.list(projectId, { filter, offset, limit }), {
        pageSize: 1000,
      })),
    );
  const paths = new Map<number, string>();
  if (runs.some((r) => r.release_id)) {
    const releases = new Map<number, { title: string; parent: number }>();
    for await (const r of client.releases.iterate(projectId))
      releases.set(Number(r.id), { title: r.title, parent: Number(r.parent_id ?? 0) });
    for (const id of releases.keys()) {
      const path: string[] = [];
      const seen = new Set<number>(); // cycles are cut: a release is visited once
      for (let at = id; releases.has(at) && !seen.has(at); at = releases.get(at)!.parent) {
        seen.add(at);
        path.unshift(releases.get(at)!.title);
      }
      paths.set(id, path.join(" / "));
    }
  }
  const items = await collectRunItems(
    client,
    projectId,
    runs.filter((r) => r.test_set_id === 0),
  );
  return new Map(
    runs.map((r) => {
      const test = items.get(r.id)?.[0]?.test_name;
      const what =
        r.test_set_id === 0 ? (test ? `test ${test}` : `run ${r.id}`) : `set ${r.test_set_name ?? r.test_set_id}`;
      return [r.id, { what, release: paths.get(Number(r.release_id)) ?? null }];
    }),
  );
}
