import { createClient, type QacClient } from "@qac/core";
import { startSimulator, type Simulator } from "@qac/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPlan } from "../load/load-plan.js";
import { checkAutomations } from "./check-automations.js";
import { resolvePlan } from "./resolve-plan.js";

let sim: Simulator;
let client: QacClient;
beforeAll(async () => {
  // Strict: capped pages, documented filters only, ServiceStack errors.
  sim = await startSimulator({ port: 0, clock: "virtual", strict: true, maxPageSize: 5 });
  client = createClient({ baseUrl: sim.url, username: "demo@qac.example", password: "demo", retry: false });
});
afterAll(async () => {
  await client.close();
  await sim.close();
});

async function resolved(entries: string, releases = "") {
  const text = `version: 1
project: Web Shop
releases: { b42: "2026.12 / RC1 / Build 42", spring: Spring campaign${releases} }
hosts: { win: build-agent-01 }
defaults: { host: win }
entries:
${entries}`;
  const loaded = await loadPlan({ text, file: "plan.yaml" }, { env: {} });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  const result = await resolvePlan(loaded.plan, client);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result;
}

describe("will the runs ever start (preview warnings)", () => {
  it("warns per run about an automated test routed to a host without automation, and not about others", async () => {
    const { resolved: plan } = await resolved(
      "  - test: Export invoices (no automation yet)\n  - test: Guest checkout with credit card\n" +
        "  - { test: Screen reader reads the checkout form, manual: true }\n",
    );
    sim.counters.reset();
    const check = await checkAutomations(plan, client);
    expect(check.diagnostics.map((d) => [d.severity, d.code, d.line, d.message])).toEqual([
      [
        "warning",
        "PLAN_NO_AUTOMATION",
        7,
        'run export-invoices-no-automation-yet/-/-: test "Export invoices (no automation yet)" has no automation, ' +
          "so on build-agent-01 it would stay Awaiting Run; add an automation in QAComplete, or mark the entry " +
          "`manual: true`",
      ],
    ]);
    // One automations read per automated test routed to a host; the manual entry costs nothing.
    expect(check.calls).toBe(2);
    expect(sim.counters.get("GET /api/v2/projects/:projectId/tests/:id/automations")).toBe(2);
  });

  it("reads a set's active items (paged to the total at a page cap of 5) and checks each of its tests", async () => {
    const { resolved: plan } = await resolved("  - testSet: Checkout smoke\n");
    const check = await checkAutomations(plan, client);
    expect(check.diagnostics).toEqual([]);
    // Six items (five active): two pages at the cap of 5, then one automation read per active test.
    expect(check.calls).toBe(2 + 5);
  });

  it("warns about a closed release at its definition, as a warning that does not block", async () => {
    const result = await resolved("  - test: Guest checkout with credit card\n    releases: spring\n");
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([
      ["warning", "PLAN_RELEASE_CLOSED", 3],
    ]);
    expect(result.diagnostics[0]!.message).toContain("closed release (Spring campaign: Closed (Cancelled))");
  });
});
