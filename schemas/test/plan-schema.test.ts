import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { planSchema, planSchemaId, schemas } from "../src/index.js";

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
