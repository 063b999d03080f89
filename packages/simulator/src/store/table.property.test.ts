import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileFilter } from "../filter/compile-filter.js";
import type { EntityFields } from "../filter/resolve-field.js";
import { Table } from "./table.js";

interface R {
  id: number;
  project_id: number;
  set_id: number;
  status: string;
  n: number;
  [key: string]: unknown;
}
const FIELDS: EntityFields = {
  entity: "row",
  fields: { id: "number", project_id: "number", set_id: "number", status: "string", n: "number" },
};
const STATUS = ["Passed", "Failed", "Blocked"];

const condition = fc.oneof(
  fc.integer({ min: 0, max: 4 }).map((v) => `SetId = ${v}`),
  fc
    .uniqueArray(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 3 })
    .map((vs) => `SetId in {${vs.join(",")}}`),
  fc.constantFrom(...STATUS).map((s) => `Status = '${s.toUpperCase()}'`),
  fc.integer({ min: 0, max: 20 }).map((v) => `N > ${v}`),
  fc.constant("Status in {'passed', 'failed'}"),
  fc.integer({ min: 1, max: 300 }).map((v) => `Id in {${v}, ${v + 7}}`),
  fc.integer({ min: 1, max: 300 }).map((v) => `(Id < ${v} OR SetId = 2)`),
);

describe("Table.query (property)", () => {
  it("returns the same page and total as filtering every row, after inserts, updates and deletes", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 300 }), { minLength: 0, maxLength: 120 }),
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom(...STATUS), fc.integer({ min: 0, max: 20 })),
          { minLength: 120, maxLength: 120 },
        ),
        fc.array(condition, { minLength: 1, maxLength: 3 }),
        fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (ids, values, conditions, project, offset, limit) => {
          const table = new Table<R>(["project_id", "set_id", "status"], { setFields: ["set_id"] });
          ids.forEach((id, i) => {
            const [set_id, status, n] = values[i]!;
            table.insert({ id, project_id: (id % 2) + 1, set_id, status, n });
          });
          // Move some rows between buckets and drop others.
          ids
            .filter((_, i) => i % 3 === 0)
            .forEach((id, i) => table.update(id, { status: STATUS[i % 3]!, set_id: i % 5 }));
          ids.filter((_, i) => i % 7 === 0).forEach((id) => table.delete(id));
          const filter = compileFilter(conditions.join(" AND "), FIELDS);
          const scope = project === undefined ? undefined : { project_id: project };
          const expected = table
            .all()
            .filter((r) => filter.test(r) && (project === undefined || r.project_id === project))
            .map((r) => r.id);
          const page = table.query({ filter, scope, offset, limit });
          expect(page.total).toBe(expected.length);
          expect(page.rows.map((r) => r.id)).toEqual(limit === 0 ? [] : expected.slice(offset, offset + limit));
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });
});
