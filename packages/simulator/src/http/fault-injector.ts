import { SimulatorError } from "../errors.js";
import { createRandom, type Random } from "../store/create-random.js";

/** One injected fault (contract: `@qac/simulator` `FaultRule`). */
export interface FaultRule {
  /** Route key such as "POST /api/v2/projects/:projectId/testruns"; omitted or "*" = every route. */
  route?: string;
  /** Chance that a matching request is hit, 0..1. @default 1 */
  probability?: number;
  /** Hit at most this many requests. @default unlimited */
  times?: number;
  /** Delay before the request is handled. */
  latencyMs?: number;
  /** Extra random delay in [0, latencyJitterMs], drawn from the fault seed. */
  latencyJitterMs?: number;
  /** Answer with this status instead of handling the request. */
  status?: 429 | 500 | 502 | 503 | 504;
  /** `Retry-After` header (seconds) sent with `status`. @default 1 for 429 and 503 */
  retryAfterSeconds?: number;
  /** Destroy the connection before the handler runs, or after it ran (state changed, no answer). */
  reset?: "before" | "after";
}

/** Names the route key a mistyped one probably meant (`{ProjectId}` → `:projectId`, no `/rest-api/service`). */
function suggestRoute(route: string, routes: ReadonlySet<string>): string {
  const normalised = route
    .replace(/\/rest-api\/service(?=\/)/, "")
    .replace(/\{(\w)(\w*)\}/g, (_, first: string, rest: string) => `:${first.toLowerCase()}${rest}`);
  if (routes.has(normalised)) return `did you mean ${JSON.stringify(normalised)}?`;
  return `route keys look like "GET /api/v2/projects/:projectId/testruns" (fastify params, no /rest-api/service)`;
}

/** What to do with one request. */
export interface FaultDecision {
  latencyMs: number;
  status?: number;
  retryAfterSeconds?: number;
  reset?: "before" | "after";
}

const STATUSES = new Set([429, 500, 502, 503, 504]);

/**
 * Checks rules up front so a typo fails loudly instead of silently injecting nothing. With
 * `routes` (the server's route keys), a `route` that names none of them is refused too.
 * @throws SimulatorError `SIM_OPTIONS` naming the rule and the field
 */
function checkFaultRules(rules: readonly FaultRule[], routes?: ReadonlySet<string>): void {
  rules.forEach((rule, i) => {
    const where = `faults[${i}]`;
    if (rule.route !== undefined && rule.route !== "*" && routes !== undefined && !routes.has(rule.route)) {
      throw new SimulatorError(
        "SIM_OPTIONS",
        `${where}.route ${JSON.stringify(rule.route)} is not a route of the simulator; ` +
          `${suggestRoute(rule.route, routes)}`,
      );
    }
    if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1))
      throw new SimulatorError("SIM_OPTIONS", `${where}.probability must be between 0 and 1, got ${rule.probability}`);
    if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times >= 0))
      throw new SimulatorError("SIM_OPTIONS", `${where}.times must be a whole number >= 0, got ${rule.times}`);
    for (const key of ["latencyMs", "latencyJitterMs", "retryAfterSeconds"] as const) {
      const v = rule[key];
      if (v !== undefined && !(Number.isFinite(v) && v >= 0))
        throw new SimulatorError("SIM_OPTIONS", `${where}.${key} must be a number >= 0, got ${v}`);
    }
    if (rule.status !== undefined && !STATUSES.has(rule.status))
      throw new SimulatorError(
        "SIM_OPTIONS",
        `${where}.status must be one of 429, 500, 502, 503, 504, got ${rule.status}`,
      );
    if (rule.reset !== undefined && rule.reset !== "before" && rule.reset !== "after")
      throw new SimulatorError("SIM_OPTIONS", `${where}.reset must be "before" or "after", got ${String(rule.reset)}`);
    if (rule.status !== undefined && rule.reset !== undefined)
      throw new SimulatorError("SIM_OPTIONS", `${where} cannot both answer a status and reset the connection`);
  });
}

/**
 * Decides per request which faults apply. Rules are checked in order: latencies add up, the first
 * rule with a status or a reset ends the list. Random draws come from `seed`, so the same requests
 * in the same order meet the same faults.
 */
export class FaultInjector {
  private rules: FaultRule[] = [];
  private hits: number[] = [];
  private random: Random = createRandom(0);
  private routes: ReadonlySet<string> | undefined;

  /** Tells the injector the server's route keys, so rules naming no route are refused; re-checks the current rules. */
  knowRoutes(routes: ReadonlySet<string>): void {
    checkFaultRules(this.rules, routes);
    this.routes = routes;
  }

  set(rules: readonly FaultRule[], seed = 0): void {
    checkFaultRules(rules, this.routes);
    this.rules = rules.map((r) => ({ ...r }));
    this.hits = rules.map(() => 0);
    this.random = createRandom(seed);
  }

  clear(): void {
    this.rules = [];
    this.hits = [];
  }

  decide(routeKey: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0 };
    for (const [i, rule] of this.rules.entries()) {
      if (rule.route !== undefined && rule.route !== "*" && rule.route !== routeKey) continue;
      if (rule.times !== undefined && this.hits[i]! >= rule.times) continue;
      if (rule.probability !== undefined && rule.probability < 1 && this.random.float() >= rule.probability) continue;
      this.hits[i]!++;
      decision.latencyMs +=
        (rule.latencyMs ?? 0) + (rule.latencyJitterMs ? this.random.int(0, Math.floor(rule.latencyJitterMs)) : 0);
      if (rule.status !== undefined) {
        decision.status = rule.status;
        decision.retryAfterSeconds =
          rule.retryAfterSeconds ?? (rule.status === 429 || rule.status === 503 ? 1 : undefined);
        break;
      }
      if (rule.reset !== undefined) {
        decision.reset = rule.reset;
        break;
      }
    }
    return decision;
  }
}
