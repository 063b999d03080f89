import type { Tenant } from "../tenant/tenant.js";
import type { ItemStatus } from "../tenant/wire-types.js";

/** The item statuses of §3.8 every project has. */
const STANDARD: readonly ItemStatus[] = ["Awaiting Run", "Passed", "Failed", "Blocked", "Skipped"];

/** What a host reports for each seed outcome keyword (reference §3.8, §13). */
const OUTCOME_STATUS: Readonly<Record<string, ItemStatus>> = {
  pass: "Passed",
  fail: "Failed",
  block: "Blocked",
  skip: "Skipped",
  na: "NA",
};

/** The status a host reports for a seeded outcome: a keyword's status, or a choice-list value verbatim. */
export function statusOfOutcome(outcome: string): ItemStatus {
  return OUTCOME_STATUS[outcome] ?? outcome;
}

/**
 * The statuses a client may set on an item of the project with PATCH/PUT `StatusCode`: the values
 * of the project's choice list (reference §3.6, §13). The lenient simulator knows the standard ones
 * only; with `irregularRuns` also `NA` and the project's seeded `item_statuses`.
 */
export function itemChoiceList(tenant: Tenant, projectId: number, irregular: boolean): readonly ItemStatus[] {
  return irregular ? [...STANDARD, "NA", ...(tenant.itemStatuses.get(projectId) ?? [])] : STANDARD;
}

/** The statuses an agent may report (reference §9; `NA` too with `irregularRuns`, reference §13). */
export function agentStatuses(irregular: boolean): readonly ItemStatus[] {
  return irregular ? ["Passed", "Failed", "Blocked", "Skipped", "NA"] : ["Passed", "Failed", "Blocked", "Skipped"];
}

/** The list's spelling of `text`, matched ignoring case and surrounding blanks. */
export function matchStatus(list: readonly ItemStatus[], text: string): ItemStatus | undefined {
  const wanted = text.trim().toLowerCase();
  return list.find((s) => s.toLowerCase() === wanted);
}
