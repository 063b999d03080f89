import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { planSchema, planSchemaId, schemas } from "../src/index.js";
import { withoutInterpolation } from "../src/without-interpolation.js";

type Node = Record<string, unknown>;

/** Walks every `properties` map in the schema, yielding [path, property schema]. */
function* properties(node: unknown, path: string): Generator<[string, Node]> {
  if (!node || typeof node !== "object") return;
  const obj = node as Node;
  if (obj.properties && typeof obj.properties === "object") {
    for (const [name, sub] of Object.entries(obj.properties as Node)) {
      yield [`${path}.${name}`, sub as Node];
      yield* properties(sub, `${path}.${name}`);
    }
  }
  for (const [key, value] of Object.entries(obj)) {
    if (key === "properties") continue;
    if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* properties(v, `${path}.${key}[${i}]`);
    else if (value && typeof value === "object") yield* properties(value, `${path}.${key}`);
  }
}

describe("plan.schema.json", () => {
  it("compiles in strict mode under its $id", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    for (const s of schemas) ajv.addSchema(s);
    const validate = ajv.getSchema(planSchemaId);
    expect(validate).toBeDefined();
    expect(validate!({ version: 1, project: "Web Shop", entries: [{ test: "Login" }] })).toBe(true);
    expect(validate!({ version: 2 })).toBe(false);
  });

  it("gives every property a description and an example, for editor hover and completion", () => {
    const missing: string[] = [];
    for (const [path, prop] of properties(planSchema, "plan")) {
      if (typeof prop.description !== "string") missing.push(`${path}: description`);
      if (!Array.isArray(prop.examples) || prop.examples.length === 0) missing.push(`${path}: examples`);
    }
    expect(missing).toEqual([]);
  });

  it("validates its own examples", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validate = ajv.compile(planSchema);
    for (const example of planSchema.examples as unknown[]) expect(validate(example)).toBe(true);
  });
});

describe("${VAR} in plan.schema.json (what editors read)", () => {
  const file = JSON.parse(readFileSync(new URL("../plan.schema.json", import.meta.url), "utf8")) as Node;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addSchema(file, "editor");

  /** JSON pointers of every property schema, for validating one value in place. */
  function* pointers(node: unknown, pointer: string): Generator<[string, string]> {
    if (!node || typeof node !== "object") return;
    const obj = node as Node;
    for (const [key, value] of Object.entries(obj)) {
      const here = `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      if (key === "properties" && value && typeof value === "object")
        for (const [name, sub] of Object.entries(value as Node)) {
          const at = `${here}/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
          yield [name, at];
          yield* pointers(sub, at);
        }
      else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* pointers(v, `${here}/${i}`);
      else yield* pointers(value, here);
    }
  }

  it("accepts a ${VAR} expression for every value but `version`, so a plan that uses one shows no false error", () => {
    const rejected: string[] = [];
    for (const [name, pointer] of pointers(file, "#")) {
      if (name === "version") continue;
      const validate = ajv.compile({ $ref: `editor${pointer}` });
      if (!validate("${QAC_VALUE:-x}")) rejected.push(pointer);
    }
    expect(rejected).toEqual([]);
  });

  it("accepts ${VAR} items in lists of short names and labels", () => {
    const validate = ajv.getSchema("editor")!;
    const plan = {
      version: 1,
      entries: [{ test: "Login", configurations: ["chrome", "${BROWSER}"], labels: ["${TEAM}"] }],
    };
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
  });

  it("still flags a malformed expression and a wrong literal value", () => {
    const validate = ajv.getSchema("editor")!;
    expect(validate({ version: 1, defaults: { forceNewRun: "${FORCE" } })).toBe(false);
    expect(validate({ version: 1, defaults: { forceNewRun: "yes" } })).toBe(false);
  });

  it("lets examples/plans/smoke.yaml (`releases: ${QAC_RELEASE:-build42}`) validate as written", () => {
    const text = readFileSync(new URL("../../examples/plans/smoke.yaml", import.meta.url), "utf8");
    const validate = ajv.getSchema("editor")!;
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it("is what validators check after interpolation only without the ${VAR} alternatives", () => {
    expect(JSON.stringify(planSchema)).not.toContain("Interpolated");
    const strict = new Ajv2020({ allErrors: true, strict: true });
    for (const s of schemas) strict.addSchema(s);
    const validate = strict.getSchema(planSchemaId)!;
    // A value still holding `${` after interpolation (from `$${` or a variable's value) is no boolean.
    expect(validate({ version: 1, defaults: { forceNewRun: "${FORCE}" } })).toBe(false);
    expect(validate({ version: 1, defaults: { forceNewRun: true } })).toBe(true);
    expect(JSON.stringify(withoutInterpolation(file as never))).toBe(JSON.stringify(planSchema));
  });
});
