import type { SeedProblem } from "../errors.js";
import { AGENT_LIST, resolveAgent } from "../tenant/resolve-agent.js";
import type { SeedAutomation, SeedDocument } from "./seed-document.js";

/** The agent a seeded automation is for (string form or `agent` key). */
const agentOf = (automation: SeedAutomation): string =>
  typeof automation === "string" ? automation : automation.agent;

/**
 * Checks that hosts and automations name known agents (long or short, reference §9) and that a
 * test has at most one automation per agent ("only one automation of each agent type", reference
 * `automations/agent-post.html`).
 */
export function checkAgents(seed: SeedDocument, problems: SeedProblem[]): void {
  const known = (name: string, path: string) => {
    if (resolveAgent(name) !== undefined) return true;
    problems.push({ path, message: `unknown agent '${name}'; use one of ${AGENT_LIST}` });
    return false;
  };
  seed.hosts?.forEach((h, hi) => h.agents?.forEach((a, ai) => known(a, `/hosts/${hi}/agents/${ai}`)));
  seed.projects.forEach((p, pi) =>
    p.tests?.forEach((t, ti) => {
      const seen = new Set<string>();
      t.automations?.forEach((automation, ai) => {
        const path = `/projects/${pi}/tests/${ti}/automations/${ai}`;
        const name = agentOf(automation);
        if (!known(name, typeof automation === "string" ? path : `${path}/agent`)) return;
        const agent = resolveAgent(name)!;
        if (seen.has(agent))
          problems.push({ path, message: `a second automation for ${agent}; a test has one per agent` });
        seen.add(agent);
      });
    }),
  );
}
