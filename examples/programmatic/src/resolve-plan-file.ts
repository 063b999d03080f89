import type { QacClient } from "@qac/core";
import { formatDiagnostic, loadPlan, resolvePlan, type ResolvedPlan } from "@qac/planner";

/**
 * Loads a plan file and resolves its names (tests, sets, configurations, releases, hosts) to
 * QAComplete ids. A plan with mistakes throws one error listing every diagnostic with file:line,
 * the same text `qac validate` prints.
 */
export async function resolvePlanFile(client: QacClient, file: string): Promise<ResolvedPlan> {
  const loaded = await loadPlan(file);
  if (!loaded.ok)
    throw new Error(`${file} is invalid:\n${loaded.diagnostics.map((d) => formatDiagnostic(d)).join("\n")}`);
  const resolved = await resolvePlan(loaded.plan, client);
  if (!resolved.ok)
    throw new Error(
      `${file} does not match the project:\n${resolved.diagnostics.map((d) => formatDiagnostic(d)).join("\n")}`,
    );
  return resolved.resolved;
}
