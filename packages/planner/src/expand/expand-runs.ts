import type { EntityRef } from "@qac/schemas";
import { diagnosticAt } from "../diagnostic-at.js";
import type { Diagnostic } from "../errors.js";
import type { PlanEntry, PlannedRun, PlanRouting } from "../plan.js";
import { routeHost } from "./route-host.js";

/** The names routing matches `test`/`testSet` patterns against, as written in the plan. */
export function writtenNames(ref: EntityRef): string[] {
  if (typeof ref === "string" || typeof ref === "number") return [String(ref)];
  return "id" in ref ? [String(ref.id)] : [ref.name];
}

/**
 * Expands every entry over its configurations x releases and routes each run to a host, as
 * far as that is known offline. An automated entry left without a host is reported once.
 */
export function expandRuns(
  entries: readonly PlanEntry[],
  routing: PlanRouting,
): { runs: PlannedRun[]; diagnostics: Diagnostic[] } {
  const runs: PlannedRun[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [entryIndex, entry] of entries.entries()) {
    const names = writtenNames(entry.ref);
    const hostless: string[] = [];
    for (const configuration of entry.configurations ?? [null]) {
      for (const release of entry.releases ?? [null]) {
        const run: PlannedRun = {
          key: `${entry.key}/${configuration ?? "-"}/${release ?? "-"}`,
          entryKey: entry.key,
          entryIndex,
          kind: entry.kind,
          configuration,
          release,
          host: null,
          hostSource: "none",
          rule: null,
          labels: entry.labels,
          origin: entry.origin,
        };
        if (entry.manual) run.hostSource = "manual";
        else if (entry.host !== null) Object.assign(run, { host: entry.host, hostSource: "entry" });
        else {
          const routed = routeHost(routing, { kind: entry.kind, configuration, names, labels: entry.labels });
          Object.assign(run, { host: routed.host, hostSource: routed.source, rule: routed.rule });
          if (routed.source === "none") hostless.push(configuration ?? "(no configuration)");
        }
        runs.push(run);
      }
    }
    if (hostless.length > 0) {
      const which = entry.configurations ? ` for ${[...new Set(hostless)].join(", ")}` : "";
      diagnostics.push(
        diagnosticAt(
          entry.origin,
          "PLAN_NO_HOST",
          `entry ${JSON.stringify(entry.key)} has no host${which}: no routing rule matches and there is no ` +
            `fallback; add \`host:\`, a routing rule or \`routing.fallback\`, or mark it \`manual: true\``,
        ),
      );
    }
  }
  return { runs, diagnostics };
}
