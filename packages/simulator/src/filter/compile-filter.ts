import { FilterError } from "../errors.js";
import { parseFilter, type Condition, type FilterNode, type Literal } from "./parse-filter.js";
import { pascalCase, resolveField, type EntityFields, type FieldType } from "./resolve-field.js";
import { compileCondition, type Predicate } from "./evaluate-condition.js";
import { refuseUndocumented } from "./refuse-undocumented.js";

/** A value an index can be probed with (strings are lower-cased, as `=` ignores case). */
export type IndexKey = number | string | boolean;

/** A top-level `field = value` or `field in {...}` condition that an index may answer. */
interface IndexHint {
  field: string;
  keys: IndexKey[];
  /** The condition itself, for when no index is available. */
  test: Predicate;
}

/** A checked, ready-to-run filter. */
export interface CompiledFilter {
  /** True when the row matches the whole filter. */
  test: Predicate;
  /** Equality conditions ANDed at the top level: every match must satisfy each of them. */
  hints: IndexHint[];
  /** The other top-level ANDed conditions; `hints` + `residual` together make up `test`. */
  residual: Predicate[];
}

type Resolver = (name: string, pos: number) => { field: string; type: FieldType };

/** How a filter is checked. */
export interface CompileOptions {
  /** Refuse forms QAComplete does not document (a string or boolean `in {...}` list). @default false */
  strict?: boolean;
}

/**
 * Parses a filter, resolves every field against the entity and type-checks each comparison.
 * @throws FilterError (`SIM_FILTER_SYNTAX`, `SIM_FILTER_FIELD`, or with `strict`
 *   `SIM_FILTER_UNDOCUMENTED`) naming the column at fault.
 */
export function compileFilter(text: string, entity: EntityFields, options: CompileOptions = {}): CompiledFilter {
  const tree = parseFilter(text);
  const resolve: Resolver = (name, pos) => {
    const field = resolveField(entity, name);
    if (!field) {
      const known = Object.keys(entity.fields).map(pascalCase).sort().join(", ");
      throw new FilterError(
        "SIM_FILTER_FIELD",
        `Unknown field '${name}' for a ${entity.entity}; known fields: ${known}`,
        pos,
      );
    }
    return { field, type: entity.fields[field]! };
  };
  const build = (node: FilterNode): Predicate => {
    switch (node.type) {
      case "and": {
        const [l, r] = [build(node.left), build(node.right)];
        return (row) => l(row) && r(row);
      }
      case "or": {
        const [l, r] = [build(node.left), build(node.right)];
        return (row) => l(row) || r(row);
      }
      case "not": {
        const inner = build(node.operand);
        return (row) => !inner(row);
      }
      default: {
        const predicate = compileCondition(node, resolve);
        if (options.strict === true) refuseUndocumented(node);
        return predicate;
      }
    }
  };
  const test = build(tree);
  const hints: IndexHint[] = [];
  const residual: Predicate[] = [];
  for (const conjunct of topLevelAnd(tree)) {
    const hint = hintOf(conjunct, resolve);
    if (hint) hints.push({ ...hint, test: build(conjunct) });
    else residual.push(build(conjunct));
  }
  return { test, hints, residual };
}

function topLevelAnd(node: FilterNode): FilterNode[] {
  return node.type === "and" ? [...topLevelAnd(node.left), ...topLevelAnd(node.right)] : [node];
}

function hintOf(node: FilterNode, resolve: Resolver): { field: string; keys: IndexKey[] } | undefined {
  const keyOf = (literal: Literal, type: FieldType): IndexKey | undefined => {
    if (literal.kind === "field" || type === "date") return undefined;
    return literal.kind === "string" ? literal.value.toLowerCase() : literal.value;
  };
  const cond = node as Condition;
  if (cond.type === "compare" && cond.op === "=") {
    const { field, type } = resolve(cond.field, cond.pos);
    const key = keyOf(cond.value, type);
    return key === undefined ? undefined : { field, keys: [key] };
  }
  if (cond.type === "in" && !cond.negated) {
    const { field, type } = resolve(cond.field, cond.pos);
    const keys = cond.values.map((v) => keyOf(v, type));
    return keys.every((k) => k !== undefined)
      ? { field, keys: keys.filter((k): k is IndexKey => k !== undefined) }
      : undefined;
  }
  return undefined;
}
