import { readAll, type QacClient, type TestId, type TestSetId } from "@qac/core";
import pLimit from "p-limit";
import { diagnosticAt } from "../diagnostic-at.js";
import type { Diagnostic } from "../errors.js";
import type { DesiredRun, ResolvedPlan } from "./resolved-plan.js";

/** The client calls {@link checkAutomations} makes. */
export type AutomationClient = Pick<QacClient, "tests" | "testSets">;

/** Options of {@link checkAutomations}. */
export interface CheckAutomationsOptions {
  /** Distinct tests whose automations are read; beyond it one warning says how many were not. @default 200 */
  maxTests?: number;
  /** Reads in flight at once. @default 8 */
  concurrency?: number;
}

/** The warnings and the calls they cost. */
export interface AutomationCheck {
  diagnostics: Diagnostic[];
  calls: number;
}

/**
 * Will the runs ever start? An automated run waits in "Awaiting Run" for a host agent that can run
 * its test, and a test without any automation never gets one (reference §13). For every automated
 * run routed to a host this reads the automations of its test (of each active test of a set: one
 * items read per set), one call per distinct test up to `maxTests`, and warns per run about the
 * tests that have none (PLAN_NO_AUTOMATION). Warnings never block an apply.
 */
export async function checkAutomations(
  plan: ResolvedPlan,
  client: AutomationClient,
  options: CheckAutomationsOptions = {},
): Promise<AutomationCheck> {
  const projectId = plan.project.id;
  const limit = pLimit(options.concurrency ?? 8);
  let calls = 0;
  const routed = plan.runs.filter((r) => r.automated && r.host !== null);
  const sets = [...new Set(routed.flatMap((r) => (r.testSetId === null ? [] : [r.testSetId])))];
  const setTests = new Map<TestSetId, { id: TestId; title: string }[]>();
  await Promise.all(
    sets.map((setId) =>
      limit(async () => {
        const items = await readAll((offset, l) => client.testSets.items.list(projectId, setId, { offset, limit: l }), {
          pageSize: 1000,
          onPage: () => (calls += 1),
        });
        const active = items.filter((i) => i.active !== false && i.is_active !== false);
        setTests.set(
          setId,
          active.map((i) => ({ id: i.test_id, title: i.title ?? `test ${i.test_id}` })),
        );
      }),
    ),
  );
  const testsOf = (run: DesiredRun) =>
    run.testId !== null ? [{ id: run.testId, title: run.title }] : (setTests.get(run.testSetId!) ?? []);
  const distinct = [...new Set(routed.flatMap((r) => testsOf(r).map((t) => t.id)))];
  const checked = distinct.slice(0, options.maxTests ?? 200);
  const without = new Set<TestId>();
  await Promise.all(
    checked.map((testId) =>
      limit(async () => {
        calls += 1;
        const page = await client.tests.automations.list(projectId, testId, { limit: 1 });
        if (page.total === 0) without.add(testId);
      }),
    ),
  );
  const diagnostics: Diagnostic[] = [];
  for (const run of routed) {
    const missing = testsOf(run).filter((t) => without.has(t.id));
    if (missing.length === 0) continue;
    const host = run.host!.hostName ?? run.host!.name;
    const what =
      run.testId !== null
        ? `test ${JSON.stringify(run.title)} has no automation`
        : `${missing.length} of the tests of set ${JSON.stringify(run.title)} have no automation (${missing
            .slice(0, 3)
            .map((t) => JSON.stringify(t.title))
            .join(", ")}${missing.length > 3 ? ", ..." : ""})`;
    diagnostics.push(
      diagnosticAt(
        run.origin,
        "PLAN_NO_AUTOMATION",
        `run ${run.runKey}: ${what}, so on ${host} it would stay Awaiting Run; add an automation in QAComplete, or ` +
          `mark the entry \`manual: true\``,
        "warning",
      ),
    );
  }
  if (distinct.length > checked.length)
    diagnostics.push(
      diagnosticAt(
        routed[0]!.origin,
        "PLAN_NO_AUTOMATION",
        `automations were checked for ${checked.length} tests; ${distinct.length - checked.length} more were not ` +
          `checked`,
        "warning",
      ),
    );
  return { diagnostics, calls };
}
