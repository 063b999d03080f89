import type { SeedTest } from "../seed/seed-document.js";
import { resolveAgent } from "./resolve-agent.js";
import type { AutomationRow } from "./wire-types.js";

/**
 * A test's automations as `GET .../tests/{TestId}/automations` sends them (reference §13). The
 * docs' sample shows `agent` (long name), `title` and `timeout`; `run_mode` and `params` mirror the
 * `RunMode` and `Params` of the create body (`automations/agent-post.html`) and are UNCONFIRMED
 * as response fields. Agents were validated with the seed.
 */
export function buildAutomations(test: SeedTest): AutomationRow[] {
  return (test.automations ?? []).map((seed) => {
    const spec = typeof seed === "string" ? { agent: seed } : seed;
    return {
      agent: resolveAgent(spec.agent)!,
      title: spec.title ?? test.title,
      timeout: spec.timeout ?? 0,
      run_mode: 0,
      params: {},
    };
  });
}
