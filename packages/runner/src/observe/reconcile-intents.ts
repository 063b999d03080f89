import type { ProjectId } from "@qac/core";
import type { DesiredRun } from "@qac/planner";
import type { LedgerRecord } from "../ledger/ledger-store.js";
import { findRunsOfKey } from "./find-runs-of-key.js";
import type { RunHistory } from "./observed-run.js";
import type { RunnerClient } from "./observe-run-history.js";

/**
 * Turns `--once-per` records into the run each desired run is satisfied by. A record with a run id
 * is taken as it is. An intent without one means an apply died between deciding to create that
 * run and recording its id (SIGKILL, a crash, a lost status server): the run it may have created
 * is looked up among the runs of the desired run's key started since the intent, finished or not,
 * not already recorded for another identity; the lowest id wins. None found: the create never
 * happened, and the run is created normally. The intent carries the server's time (its `Date`
 * header), so the local clock does not matter; a run started since then is no older run: one of
 * the key unfinished at the observation would have satisfied the desired run instead. QAComplete
 * dates carry no zone (reference §2.2): `serverUtcOffsetMinutes` reads them.
 */
export async function reconcileIntents(
  client: RunnerClient,
  projectId: ProjectId,
  runs: readonly DesiredRun[],
  records: Record<string, LedgerRecord> | null,
  options: { serverUtcOffsetMinutes: number; toleranceMs: number },
): Promise<Pick<RunHistory, "ledger" | "intents"> & { lookups: number }> {
  if (records === null) return { ledger: null, intents: [], lookups: 0 };
  const ledger: Record<string, number> = {};
  for (const [identity, record] of Object.entries(records)) if (record.runId !== null) ledger[identity] = record.runId;
  const taken = new Set(Object.values(ledger));
  const byIdentity = new Map(runs.map((r) => [r.identity, r]));
  const intents: RunHistory["intents"] = [];
  const counter = { calls: 0 };
  const tests = new Map<number, number>();
  for (const [identity, record] of Object.entries(records)) {
    const desired = byIdentity.get(identity);
    if (record.runId !== null || record.intentAt === null || desired === undefined) continue;
    const since = Date.parse(record.intentAt) - options.toleranceMs;
    const found = await findRunsOfKey(
      client,
      projectId,
      desired,
      tests,
      { since, serverUtcOffsetMinutes: options.serverUtcOffsetMinutes, only: (row) => !taken.has(row.id) },
      counter,
    );
    const runId = found[0]?.id ?? null;
    if (runId !== null) {
      ledger[identity] = runId;
      taken.add(runId);
    }
    intents.push({ identity, intentAt: record.intentAt, runId });
  }
  return { ledger, intents, lookups: counter.calls };
}
