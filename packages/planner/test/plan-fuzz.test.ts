import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { stringify } from "yaml";
import { loadPlan, PLAN_ERROR_CODES } from "../src/index.js";

const name = fc.constantFrom(
  "chrome",
  "firefox",
  "win",
  "linux",
  "build42",
  "Checkout smoke",
  "x",
  "",
  "${HOME}",
  "${NOPE}",
  "a/b",
);
const scalar = fc.oneof(name, fc.integer({ min: -2, max: 5000 }), fc.boolean(), fc.constant(null));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: "small" },
    scalar,
    fc.array(tie("v"), { maxLength: 3 }),
    fc.dictionary(name, tie("v"), { maxKeys: 3 }),
  ),
})).v;

const entry = fc.record(
  {
    key: name,
    test: fc.oneof(name, fc.integer({ min: 1, max: 9999 })),
    testSet: name,
    configurations: fc.oneof(name, fc.array(name, { maxLength: 3 })),
    releases: fc.array(name, { maxLength: 2 }),
    host: name,
    sequential: fc.oneof(fc.boolean(), value),
    forceNewRun: fc.boolean(),
    labels: fc.array(name, { maxLength: 2 }),
    extra: value,
  },
  { requiredKeys: [] },
);
const plan = fc.record(
  {
    version: fc.oneof(fc.constant(1), value),
    project: fc.oneof(name, fc.integer({ min: 1, max: 2000 }), value),
    configurations: fc.dictionary(name, fc.oneof(name, value), { maxKeys: 3 }),
    hosts: fc.dictionary(name, name, { maxKeys: 2 }),
    releases: fc.dictionary(name, fc.oneof(name, fc.record({ path: fc.array(name, { maxLength: 3 }) })), {
      maxKeys: 2,
    }),
    defaults: fc.record(
      { host: name, configurations: fc.array(name, { maxLength: 2 }), forceNewRun: value },
      { requiredKeys: [] },
    ),
    routing: fc.record(
      {
        rules: fc.array(
          fc.record({
            when: fc.dictionary(fc.constantFrom("configuration", "test", "labels", "folder", "nope"), value),
            host: name,
          }),
          { maxLength: 2 },
        ),
        fallback: name,
      },
      { requiredKeys: [] },
    ),
    include: fc.array(fc.constantFrom("nope.yaml", "/", "../", ""), { maxLength: 1 }),
    entries: fc.oneof(fc.array(entry, { maxLength: 4 }), value),
  },
  { requiredKeys: [] },
);

/** Text mutations: cut, duplicate a line, insert special characters. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.constantFrom(
      "\t",
      ":",
      "- ",
      "&a ",
      "*a",
      "{",
      "]",
      "\u0000",
      "\ufeff",
      "'",
      '"',
      "\n  ",
      "#",
      "!!binary ",
      "${",
      "<<: *a\n",
    ),
  }),
  fc.record({ kind: fc.constant("dupline" as const), at: fc.nat() }),
);

type Mutation = { kind: "cut" | "insert" | "dupline"; at: number; text?: string };

function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % text.length;
  if (m.kind === "cut") return text.slice(0, at);
  if (m.kind === "insert") return text.slice(0, at) + (m.text ?? "") + text.slice(at);
  const lines = text.split("\n");
  const i = m.at % lines.length;
  lines.splice(i, 0, lines[i]!);
  return lines.join("\n");
}

// A process warning (yaml's, Node's) is output the user did not ask for: bad input must not cause one.
let warnings: MockInstance<typeof process.emitWarning>;
beforeEach(() => {
  warnings = vi.spyOn(process, "emitWarning");
});
afterEach(() => {
  expect(warnings).not.toHaveBeenCalled();
  warnings.mockRestore();
});

describe("loadPlan on generated and mutated plans", () => {
  it("returns a plan or diagnostics, never throws; each diagnostic has a line in the file, a known code", async () => {
    await fc.assert(
      fc.asyncProperty(plan, fc.array(mutation, { maxLength: 3 }), async (data, mutations) => {
        const text = mutations.reduce((t, m) => mutate(t, m), stringify(data));
        const result = await loadPlan({ text, file: "fuzz.yaml" }, { env: { HOME: "/home/x" } });
        if (result.ok) expect(result.plan.version).toBe(1);
        else expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
        const lines = text.split("\n").length;
        for (const d of result.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line).toBeLessThanOrEqual(lines);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(PLAN_ERROR_CODES).toContain(d.code);
          expect(d.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("loadPlan on arbitrary bytes", () => {
  it("never throws for any file content, including invalid UTF-8", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qac-fuzz-"));
    const file = join(dir, "plan.yaml");
    const prefix = new TextEncoder().encode("version: 1\nproject: Web Shop\nentries:\n  - test: ");
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.boolean(), async (bytes, withPrefix) => {
        await writeFile(file, withPrefix ? Buffer.concat([prefix, bytes]) : bytes);
        const result = await loadPlan(file, { env: {} });
        for (const d of result.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(PLAN_ERROR_CODES).toContain(d.code);
        }
      }),
      { numRuns: 200 },
    );
  });
});
