import { describe, expect, it } from "vitest";
import { compileFilter } from "../filter/compile-filter.js";
import type { EntityFields } from "../filter/resolve-field.js";
import { Table } from "./table.js";

interface RunRow {
  id: number;
  project_id: number;
  test_set_id: number;
  status_code: string;
  [key: string]: unknown;
}
const FIELDS: EntityFields = {
  entity: "test run",
  fields: { id: "number", project_id: "number", test_set_id: "number", status_code: "string" },
};

function makeTable(): Table<RunRow> {
  const table = new Table<RunRow>(["project_id", "test_set_id", "status_code"]);
  for (let id = 1; id <= 100; id++)
    table.insert({ id, project_id: id % 2 ? 1 : 2, test_set_id: id % 5, status_code: id % 3 ? "Passed" : "Failed" });
  return table;
}

describe("Table", () => {
  it("answers an indexed filter with the same rows as a scan, in id order", () => {
    const table = makeTable();
    const indexed = table.query({
      filter: compileFilter("TestSetId = 1 AND StatusCode in {'failed'}", FIELDS),
      offset: 0,
      limit: 1000,
    });
    const scanned = table.all().filter((r) => r.test_set_id === 1 && r.status_code === "Failed");
    expect(indexed.rows.map((r) => r.id)).toEqual(scanned.map((r) => r.id));
    expect(indexed.total).toBe(scanned.length);
  });

  it("keeps indexes in step when a row changes", () => {
    const table = makeTable();
    table.update(3, { status_code: "Passed" });
    const failed = table.query({ filter: compileFilter("StatusCode = 'Failed'", FIELDS), offset: 0, limit: 1000 });
    expect(failed.rows.map((r) => r.id)).not.toContain(3);
    const passed = table.query({
      filter: compileFilter("StatusCode = 'Passed' AND Id < 5", FIELDS),
      offset: 0,
      limit: 1000,
    });
    expect(passed.rows.map((r) => r.id)).toEqual([1, 2, 3, 4]);
  });

  it("pages with offset and limit and reports the total; limit 0 returns no rows", () => {
    const table = makeTable();
    const page = table.query({ scope: { project_id: 1 }, offset: 10, limit: 5 });
    expect(page.rows.map((r) => r.id)).toEqual([21, 23, 25, 27, 29]);
    expect(page.total).toBe(50);
    expect(table.query({ scope: { project_id: 1 }, offset: 0, limit: 0 })).toEqual({ rows: [], total: 50 });
  });

  it("forgets deleted rows", () => {
    const table = makeTable();
    expect(table.delete(5)).toBe(true);
    expect(table.delete(5)).toBe(false);
    expect(table.get(5)).toBeUndefined();
    expect(
      table.query({ filter: compileFilter("TestSetId = 0", FIELDS), offset: 0, limit: 100 }).rows.map((r) => r.id),
    ).not.toContain(5);
  });

  it("orders rows by id even when inserted out of order", () => {
    const table = new Table<RunRow>(["project_id"]);
    for (const id of [5, 2, 9]) table.insert({ id, project_id: 1, test_set_id: 0, status_code: "Passed" });
    expect(table.query({ offset: 0, limit: 10 }).rows.map((r) => r.id)).toEqual([2, 5, 9]);
    expect(table.query({ scope: { project_id: 1 }, offset: 0, limit: 10 }).rows.map((r) => r.id)).toEqual([2, 5, 9]);
  });
});

describe("Table lookups by id", () => {
  it("answers Id = n and Id in {...} through the primary key", () => {
    const table = new Table<RunRow>(["project_id"]);
    for (let id = 1; id <= 10; id++) table.insert({ id, project_id: 1, test_set_id: 0, status_code: "Passed" });
    const fields: EntityFields = { entity: "run", fields: { id: "number", project_id: "number" } };
    expect(
      table
        .query({ filter: compileFilter("Id in {9, 3, 42}", fields), scope: { project_id: 1 }, offset: 0, limit: 10 })
        .rows.map((r) => r.id),
    ).toEqual([3, 9]);
    expect(table.query({ filter: compileFilter("Id = 4 AND ProjectId = 2", fields), offset: 0, limit: 10 }).total).toBe(
      0,
    );
  });
});
