import { describe, expect, it } from "vitest";
import type { PlanRouting } from "../plan.js";
import { routeHost } from "./route-host.js";

const origin = { file: "p.yaml", line: 1, column: 1, path: "" };
const routing: PlanRouting = {
  rules: [
    { when: { configuration: ["safari*"] }, host: "mac", origin },
    { when: { folder: ["Payments"] }, host: "secure", origin },
    { when: { testSet: ["Regression*"], labels: ["ui"] }, host: "linux", origin },
  ],
  fallback: { host: "win", origin },
};

describe("routeHost", () => {
  it("takes the first rule whose every condition holds, else the fallback", () => {
    expect(
      routeHost(routing, { kind: "test", configuration: "safari-17", names: ["x"], labels: [], folder: "" }),
    ).toEqual({ host: "mac", source: "rule", rule: 0 });
    expect(
      routeHost(routing, { kind: "testSet", configuration: null, names: ["Regression A"], labels: ["ui"], folder: "" }),
    ).toEqual({ host: "linux", source: "rule", rule: 2 });
    expect(
      routeHost(routing, { kind: "test", configuration: null, names: ["Regression A"], labels: ["ui"], folder: "" }),
    ).toEqual({ host: "win", source: "fallback", rule: null });
  });

  it("is pending offline when a folder rule could decide, and decides once the folder is known", () => {
    expect(routeHost(routing, { kind: "test", configuration: "chrome", names: ["x"], labels: [] })).toEqual({
      host: null,
      source: "pending",
      rule: 1,
    });
    expect(
      routeHost(routing, { kind: "test", configuration: "chrome", names: ["x"], labels: [], folder: "Payments" }),
    ).toEqual({ host: "secure", source: "rule", rule: 1 });
  });

  it("is pending offline when a name pattern misses the written name (it may match the title or id online)", () => {
    const byTitle: PlanRouting = {
      rules: [{ when: { testSet: ["Checkout*"] }, host: "linux", origin }],
      fallback: { host: "win", origin },
    };
    // Written as an id: only the title, known online, can match.
    expect(routeHost(byTitle, { kind: "testSet", configuration: null, names: ["6101"], labels: [] })).toEqual({
      host: null,
      source: "pending",
      rule: 0,
    });
    expect(
      routeHost(byTitle, {
        kind: "testSet",
        configuration: null,
        names: ["6101", "Checkout smoke"],
        labels: [],
        folder: "",
      }),
    ).toEqual({ host: "linux", source: "rule", rule: 0 });
    // A written name that matches decides offline; a rule for the other kind never matches.
    expect(routeHost(byTitle, { kind: "testSet", configuration: null, names: ["Checkout smoke"], labels: [] })).toEqual(
      {
        host: "linux",
        source: "rule",
        rule: 0,
      },
    );
    expect(routeHost(byTitle, { kind: "test", configuration: null, names: ["3101"], labels: [] })).toEqual({
      host: "win",
      source: "fallback",
      rule: null,
    });
  });

  it("reports no host without rules or fallback", () => {
    expect(
      routeHost({ rules: [], fallback: null }, { kind: "test", configuration: null, names: [], labels: [] }),
    ).toEqual({ host: null, source: "none", rule: null });
  });
});
