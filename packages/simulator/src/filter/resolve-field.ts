/** The type a filter can compare a field as (reference §2.4: numeric, string, boolean, date). */
export type FieldType = "number" | "string" | "boolean" | "date";

/**
 * The filterable fields of one entity: snake_case response field → type, plus aliases.
 * Alias keys are matched like field names (case and underscores ignored).
 */
export interface EntityFields {
  /** Entity name used in error messages, e.g. "test run". */
  entity: string;
  fields: Readonly<Record<string, FieldType>>;
  aliases?: Readonly<Record<string, string>>;
}

const normalise = (name: string) => name.toLowerCase().replace(/_/g, "");
const cache = new WeakMap<EntityFields, Map<string, string>>();

/**
 * Maps a filter field name to the snake_case response field it means. `TestSetId`, `testSetId`,
 * `testsetid` and `test_set_id` all mean `test_set_id`: the reference's examples mix PascalCase and
 * lower case, so matching is assumed case-insensitive (§2.4, §11.13).
 * @returns the response field name, or `undefined` when the entity has no such field.
 */
export function resolveField(entity: EntityFields, name: string): string | undefined {
  let lookup = cache.get(entity);
  if (!lookup) {
    lookup = new Map();
    for (const field of Object.keys(entity.fields)) lookup.set(normalise(field), field);
    for (const [alias, field] of Object.entries(entity.aliases ?? {})) lookup.set(normalise(alias), field);
    cache.set(entity, lookup);
  }
  return lookup.get(normalise(name));
}

/** PascalCase spelling of a snake_case field, used to list valid names in error messages. */
export function pascalCase(field: string): string {
  return field
    .split("_")
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
}
