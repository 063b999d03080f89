import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Poller } from "../poller/create-poller.js";
import type { PlanOverview } from "../store/status-store.js";

/** What the metrics read at scrape time. */
export interface MetricsSources {
  plans(): PlanOverview[];
  /** null without a QAComplete connection: then only `qac_status_poller_enabled 0` of the poller. */
  poller: Poller | null;
  leases(): number;
  sseClients(): number;
}

/** The server's Prometheus registry and the request observer fed by an onResponse hook. */
export interface ServerMetrics {
  /** Counts a request and its duration under its route pattern (never the raw URL). */
  observeRequest(request: { method: string; route: string; statusCode: number; seconds: number }): void;
  /** The text exposition of every metric. */
  render(): Promise<string>;
  /** `text/plain; version=0.0.4; charset=utf-8` */
  contentType: string;
}

const BUCKETS = ["passed", "failed", "blocked", "awaiting", "inProgress", "other"] as const;

/**
 * Creates the metrics of one server on its own registry (several servers in one process, as in
 * tests, do not share counters): Node.js and process defaults (`process_*`, `nodejs_*`),
 * `http_request_duration_seconds` by method, route and status code, and the `qac_status_*`
 * metrics with the names and meanings they had when written by hand.
 */
export function createMetrics(sources: MetricsSources): ServerMetrics {
  const register = new Registry();
  const registers = [register];
  // Started at the first scrape: the defaults keep an event-loop monitor running for good, which
  // a server nobody scrapes (most in tests) need not pay for.
  let defaults = false;
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(read());
      },
    });
  // A counter whose total lives elsewhere (the poller's state): copied at scrape time.
  const mirroredCounter = (name: string, help: string, read: () => number) =>
    new Counter({
      name,
      help,
      registers,
      collect() {
        this.reset();
        this.inc(read());
      },
    });

  gauge("qac_status_plans", "Plans with at least one recorded apply.", () => sources.plans().length);
  new Gauge({
    name: "qac_status_runs",
    help: "Runs of each plan's latest apply by live status.",
    labelNames: ["plan", "status"],
    registers,
    collect() {
      this.reset();
      for (const p of sources.plans())
        for (const status of BUCKETS) this.set({ plan: p.plan, status }, p.counts[status]);
    },
  });
  const poller = sources.poller;
  gauge("qac_status_poller_enabled", "1 when a QAComplete connection keeps statuses fresh.", () => (poller ? 1 : 0));
  if (poller) {
    const state = () => poller.state();
    gauge(
      "qac_status_poller_lag_seconds",
      "Seconds since the stalest unfinished run was refreshed.",
      () => state().lagSeconds,
    );
    gauge("qac_status_poller_unfinished_runs", "Runs still being polled.", () => state().unfinishedRuns);
    gauge("qac_status_poller_consecutive_failures", "Failed poll cycles in a row.", () => state().consecutiveFailures);
    mirroredCounter("qac_status_poller_cycles_total", "Poll cycles run.", () => state().cycles);
    mirroredCounter("qac_status_poller_calls_total", "QAComplete requests made by the poller.", () => state().calls);
  }
  gauge("qac_status_leases_active", "Leases held now.", () => sources.leases());
  gauge("qac_status_sse_clients", "Open server-sent event streams.", () => sources.sseClients());
  const requests = new Counter({
    name: "qac_status_http_requests_total",
    help: "HTTP requests answered.",
    labelNames: ["method", "route", "status"],
    registers,
  });
  const durations = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time to answer HTTP requests, by route pattern (event streams are not included).",
    labelNames: ["method", "route", "status_code"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  return {
    observeRequest({ method, route, statusCode, seconds }) {
      requests.inc({ method, route, status: String(statusCode) });
      durations.observe({ method, route, status_code: String(statusCode) }, seconds);
    },
    render() {
      if (!defaults) collectDefaultMetrics({ register });
      defaults = true;
      return register.metrics();
    },
    contentType: register.contentType,
  };
}
