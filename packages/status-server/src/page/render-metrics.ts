import type { PollerState } from "../poller/create-poller.js";
import type { PlanOverview } from "../store/status-store.js";

/** Escapes a Prometheus label value. */
const label = (value: string) => value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');

/** Inputs of {@link renderMetrics}. */
export interface MetricsInput {
  plans: PlanOverview[];
  poller: PollerState | null;
  leases: number;
  sseClients: number;
  /** `METHOD route status` → count. */
  requests: Map<string, number>;
}

/** Prometheus text exposition (version 0.0.4) of the server's state, written by hand. */
export function renderMetrics(input: MetricsInput): string {
  const out: string[] = [];
  const metric = (name: string, type: "gauge" | "counter", help: string, samples: [string, number][]) => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of samples) out.push(`${name}${labels} ${value}`);
  };
  metric("qac_status_plans", "gauge", "Plans with at least one recorded apply.", [["", input.plans.length]]);
  const runs: [string, number][] = [];
  for (const p of input.plans) {
    for (const bucket of ["passed", "failed", "blocked", "awaiting", "inProgress", "other"] as const) {
      runs.push([`{plan="${label(p.plan)}",status="${bucket}"}`, p.counts[bucket]]);
    }
  }
  metric("qac_status_runs", "gauge", "Runs of each plan's latest apply by live status.", runs);
  const poller = input.poller;
  metric("qac_status_poller_enabled", "gauge", "1 when a QAComplete connection keeps statuses fresh.", [
    ["", poller ? 1 : 0],
  ]);
  if (poller) {
    metric("qac_status_poller_lag_seconds", "gauge", "Seconds since the stalest unfinished run was refreshed.", [
      ["", poller.lagSeconds],
    ]);
    metric("qac_status_poller_unfinished_runs", "gauge", "Runs still being polled.", [["", poller.unfinishedRuns]]);
    metric("qac_status_poller_consecutive_failures", "gauge", "Failed poll cycles in a row.", [
      ["", poller.consecutiveFailures],
    ]);
    metric("qac_status_poller_cycles_total", "counter", "Poll cycles run.", [["", poller.cycles]]);
    metric("qac_status_poller_calls_total", "counter", "QAComplete requests made by the poller.", [["", poller.calls]]);
  }
  metric("qac_status_leases_active", "gauge", "Leases held now.", [["", input.leases]]);
  metric("qac_status_sse_clients", "gauge", "Open server-sent event streams.", [["", input.sseClients]]);
  const requests = [...input.requests].map(([key, n]): [string, number] => {
    const [method = "", route = "", status = ""] = key.split(" ");
    return [`{method="${label(method)}",route="${label(route)}",status="${label(status)}"}`, n];
  });
  metric("qac_status_http_requests_total", "counter", "HTTP requests answered.", requests);
  return out.join("\n") + "\n";
}
