/**
 * A small apply for the SIGKILL test: resolves the plan in QAC_TEST_ENTRIES against QAC_URL and
 * applies it with the local lock in QAC_TEST_LOCKS, printing "applying" first so the parent
 * can kill it at a random point of the apply.
 */
import { createClient } from "@qac/core";
import { applyPlan } from "../apply/apply-plan.js";
import { createLocalLeaseProvider } from "../lease/local-lease.js";
import { resolveEntries } from "./fixtures.js";

const client = createClient({
  baseUrl: process.env["QAC_URL"]!,
  username: "demo@qac.example",
  password: "demo",
  retry: { sleep: () => Promise.resolve() },
});
const plan = await resolveEntries(client, process.env["QAC_TEST_ENTRIES"]!);
process.stdout.write("applying\n");
const report = await applyPlan(client, plan, {
  concurrency: 2,
  lease: createLocalLeaseProvider({ dir: process.env["QAC_TEST_LOCKS"]!, pollMs: 20 }),
});
process.stdout.write(`${JSON.stringify(report.summary)}\n`);
await client.close();
