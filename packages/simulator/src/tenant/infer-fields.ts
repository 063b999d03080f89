import type { EntityFields, FieldType } from "../filter/resolve-field.js";

const DATE = /^\d{4,5}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}$/;

/**
 * Derives the filterable fields of an entity from one response object, so the filter engine and
 * the wire format cannot drift: numbers, booleans, dates (wire date strings) and other strings.
 * Lists and nested objects are not filterable.
 */
export function inferFields(
  entity: string,
  sample: Record<string, unknown>,
  aliases: Record<string, string> = {},
): EntityFields {
  const fields: Record<string, FieldType> = {};
  for (const [key, value] of Object.entries(sample)) {
    if (typeof value === "number") fields[key] = "number";
    else if (typeof value === "boolean") fields[key] = "boolean";
    else if (typeof value === "string") fields[key] = DATE.test(value) ? "date" : "string";
  }
  return { entity, fields, aliases };
}
