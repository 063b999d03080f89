import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@qac/core";
import { startSimulator, type Simulator } from "@qac/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPlan, resolvePlan } from "../src/index.js";

const plansDir = fileURLToPath(new URL("../../../examples/plans/", import.meta.url));
const planFiles = (await readdir(plansDir)).filter((f) => f.endsWith(".yaml")).sort();

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, clock: "virtual" });
});
afterAll(async () => {
  await sim.close();
});

describe("example plans", () => {
  it("include a smoke plan, a nightly matrix with routing and a sequential regression", () => {
    expect(planFiles).toEqual(expect.arrayContaining(["smoke.yaml", "nightly.yaml", "regression.yaml"]));
  });

  it.each(planFiles)("%s starts with the yaml-language-server schema line", async (file) => {
    const text = await readFile(join(plansDir, file), "utf8");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../../schemas/plan.schema.json");
  });

  it.each(planFiles)("%s is valid offline and resolves against the demo tenant", async (file) => {
    const loaded = await loadPlan(join(plansDir, file), { env: {} });
    expect(loaded.diagnostics).toEqual([]);
    if (!loaded.ok) return;
    const client = createClient({ baseUrl: sim.url, username: "demo@qac.example", password: "demo", retry: false });
    try {
      const result = await resolvePlan(loaded.plan, client);
      expect(result.diagnostics).toEqual([]);
      if (!result.ok) return;
      expect(result.resolved.project).toEqual({ id: 1001, name: "Web Shop" });
      expect(result.resolved.runs.length).toBe(loaded.plan.runs.length);
      // Every entity kind is fetched once: the calls made are the fewest the API allows.
      expect(result.resolved.calls.total).toBe(result.resolved.calls.minimum);
      expect(client.callCount()).toBe(result.resolved.calls.total);
    } finally {
      await client.close();
    }
  });

  it.each(planFiles)("%s resolves to the same runs against a strict simulator with pages of 5", async (file) => {
    const strict = await startSimulator({ port: 0, clock: "virtual", strict: true, maxPageSize: 5 });
    const loaded = await loadPlan(join(plansDir, file), { env: {} });
    if (!loaded.ok) throw new Error(`${file} is invalid`);
    const resolveAt = async (url: string) => {
      const client = createClient({ baseUrl: url, username: "demo@qac.example", password: "demo", retry: false });
      try {
        return await resolvePlan(loaded.plan, client);
      } finally {
        await client.close();
      }
    };
    try {
      const [lenient, capped] = [await resolveAt(sim.url), await resolveAt(strict.url)];
      expect(capped.ok && capped.resolved.runs).toEqual(lenient.ok && lenient.resolved.runs);
      // Pages of 5 rows cost more requests than pages of 1,000, and every row is still read.
      expect(capped.ok && capped.resolved.calls.total).toBeGreaterThan(lenient.ok ? lenient.resolved.calls.total : 0);
    } finally {
      await strict.close();
    }
  });

  it("smoke resolves to exactly the run shown in docs/plan-format.md", async () => {
    const root = fileURLToPath(new URL("../../../", import.meta.url));
    const docs = await readFile(join(root, "docs/plan-format.md"), "utf8");
    const shown = JSON.parse(/## The resolved plan[\s\S]*?```json\n([\s\S]*?)```/.exec(docs)![1]!);
    const loaded = await loadPlan("examples/plans/smoke.yaml", { cwd: root, env: {} });
    if (!loaded.ok) throw new Error("smoke.yaml is invalid");
    const client = createClient({ baseUrl: sim.url, username: "demo@qac.example", password: "demo", retry: false });
    const result = await resolvePlan(loaded.plan, client);
    await client.close();
    expect(result.ok && result.resolved.runs[0]).toMatchObject(shown);
  });

  it("nightly routes each browser to the machine that has it, folder rules included", async () => {
    const loaded = await loadPlan(join(plansDir, "nightly.yaml"), { env: {} });
    if (!loaded.ok) throw new Error("nightly.yaml is invalid");
    const client = createClient({ baseUrl: sim.url, username: "demo@qac.example", password: "demo", retry: false });
    const result = await resolvePlan(loaded.plan, client);
    await client.close();
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const hostOf = (runKey: string) => result.resolved.runs.find((r) => r.runKey === runKey)?.host?.hostName;
    expect(hostOf("full-regression/safari/build42")).toBe("mac-agent-01");
    expect(hostOf("full-regression/firefox/build42")).toBe("build-agent-02");
    expect(hostOf("full-regression/chrome/build42")).toBe("build-agent-02"); // folder "Nightly" rule
    expect(hostOf("search/chrome/build42")).toBe("build-agent-01"); // fallback
  });
});
