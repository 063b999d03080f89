/**
 * The automation agents (test runners) QAComplete knows, with the long names hosts and
 * automations use and the short names URLs may use (reference §9, §13; `automations/agent-get.html`).
 */
const AGENTS = [
  { name: "TestComplete/TestExecute", short: "testcomplete" },
  { name: "ReadyAPI / SoapUI OS", short: "readyapi" },
  { name: "JUnit (Selenium)", short: "junit" },
  { name: "TestNG (Selenium)", short: "testng" },
  { name: "NUnit (Selenium)", short: "nunit" },
] as const;

/** The long name of an agent, e.g. "JUnit (Selenium)". */
export type AgentName = (typeof AGENTS)[number]["name"];

const squash = (text: string) => text.replace(/\+/g, " ").replace(/\s+/g, " ").trim().toLowerCase();

/**
 * Reads an agent name long or short, ignoring case: "testcomplete", "TestComplete/TestExecute" and
 * the form-encoded "ReadyAPI+/+SoapUI+OS" of the docs' table all name an agent.
 * @returns the long name, or undefined for a name that is no agent
 */
export function resolveAgent(text: string): AgentName | undefined {
  const wanted = squash(text);
  return AGENTS.find((a) => a.short === wanted || squash(a.name) === wanted)?.name;
}

/** "TestComplete/TestExecute (testcomplete), ..." for messages that list the agents. */
export const AGENT_LIST = AGENTS.map((a) => `${a.name} (${a.short})`).join(", ");
