/**
 * Generates the TypeScript types of `src/*.generated.ts` from the schemas, so no contract is
 * written twice: the plan (`plan.schema.json`), the apply report, the preview, the saved plan and
 * the status server's API (`status-api/*.schema.json`). `pnpm generate` writes the files;
 * `test/generated-types.test.ts` fails when a committed file differs from a fresh generation.
 */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { compile, type JSONSchema } from "json-schema-to-typescript";
import type { JsonSchemaObject } from "../src/schemas.js";
import { STATUS_API_NAMES } from "../src/status-api.js";
import { withoutInterpolation } from "../src/without-interpolation.js";

type Node = Record<string, unknown>;

const ROOT = new URL("../", import.meta.url);
const ID_PREFIX = "https://qac.dev/schemas/";

/**
 * The name of every generated type that is not a plan type, by `file#pointer` in the schema. The
 * names are given here rather than as schema titles because titles also name the components of
 * the status server's OpenAPI document, which clients may already be generated from.
 */
const NAMES: Readonly<Record<string, string>> = {
  "apply-report.schema.json#": "ApplyReport",
  "apply-report.schema.json#/$defs/run": "ReportRun",
  "apply-report.schema.json#/$defs/ci": "CiInfo",
  "apply-report.schema.json#/$defs/summary": "ReportSummary",
  "apply-report.schema.json#/$defs/wait": "WaitSummary",
  "preview.schema.json#": "PreviewDocument",
  "preview.schema.json#/$defs/run": "PreviewRun",
  "saved-plan.schema.json#": "SavedPlan",
  "saved-plan.schema.json#/$defs/plan": "SavedResolvedPlan",
  "saved-plan.schema.json#/$defs/run": "SavedDesiredRun",
  "saved-plan.schema.json#/$defs/origin": "SavedOrigin",
  "saved-plan.schema.json#/$defs/body": "SavedRunBody",
  "saved-plan.schema.json#/$defs/decision": "SavedDecision",
  "status-api/error.schema.json#": "StatusErrorResponse",
  "status-api/applies-query.schema.json#": "AppliesQuery",
  "status-api/apply-created.schema.json#": "ApplyCreated",
  "status-api/apply-summary.schema.json#": "ApplySummary",
  "status-api/apply-list.schema.json#": "ApplyList",
  "status-api/stored-apply.schema.json#": "StoredApply",
  "status-api/status-counts.schema.json#": "StatusCounts",
  "status-api/plan-list.schema.json#": "PlanList",
  "status-api/plan-list.schema.json#/properties/plans/items": "PlanOverview",
  "status-api/runs-query.schema.json#": "RunsQuery",
  "status-api/run-list.schema.json#": "RunList",
  "status-api/run-list.schema.json#/properties/runs/items": "StatusRun",
  "status-api/ledger-query.schema.json#": "LedgerQuery",
  "status-api/ledger-entries.schema.json#": "LedgerEntries",
  "status-api/ledger-entries.schema.json#/properties/entries/items": "StoredLedgerEntry",
  "status-api/ledger-record.schema.json#": "LedgerRecordRequest",
  "status-api/ledger-record.schema.json#/properties/entries/items": "LedgerEntry",
  "status-api/ledger-recorded.schema.json#": "LedgerRecorded",
  "status-api/ledger-conflict.schema.json#": "LedgerConflict",
  "status-api/lease-request.schema.json#": "StatusLeaseRequest",
  "status-api/lease-request.schema.json#/$defs/holder": "LeaseHolder",
  "status-api/lease-renew.schema.json#": "LeaseRenew",
  "status-api/lease.schema.json#": "StatusLease",
  "status-api/lease-list.schema.json#": "LeaseList",
  "status-api/lease-conflict.schema.json#": "LeaseConflict",
  "status-api/health.schema.json#": "Health",
};

/** One generated file: the schema files it declares the types of, in order. */
interface Output {
  file: string;
  sources: readonly string[];
}

/** Every generated file but the plan's, which {@link generatePlanTypes} writes. */
const OUTPUTS: readonly Output[] = [
  { file: "apply-report.generated.ts", sources: ["apply-report.schema.json"] },
  { file: "preview.generated.ts", sources: ["preview.schema.json"] },
  { file: "saved-plan.generated.ts", sources: ["saved-plan.schema.json"] },
  { file: "status-api.generated.ts", sources: STATUS_API_NAMES.map((name) => `status-api/${name}.schema.json`) },
];

const banner = (sources: string) => `/* eslint-disable */
/**
 * GENERATED from ${sources} by \`pnpm --filter @qac/schemas generate\`. Do not edit:
 * change the schema and regenerate (a test fails when this file drifts from the schema).
 */`;

const options = (bannerComment: string) => ({
  bannerComment,
  // Closed objects: the types say what qac writes; the schemas stay open for additive changes.
  additionalProperties: false,
  unreachableDefinitions: true,
  // Tuple unions for minItems/maxItems make types unreadable; lengths are checked by the schema.
  maxItems: -1,
  cwd: fileURLToPath(ROOT),
  style: { printWidth: 120 },
});

const readSchema = async (file: string): Promise<JsonSchemaObject> =>
  JSON.parse(await readFile(new URL(file, ROOT), "utf8")) as JsonSchemaObject;

/** Where the generated types of the plan live (committed). */
const generatedPath = fileURLToPath(new URL("src/plan.generated.ts", ROOT));

/** Returns the TypeScript source generated from the plan schema. */
async function generatePlanTypes(): Promise<string> {
  // The types describe a plan's values after `${VAR}` interpolation, which is what programs get.
  const schema = withoutInterpolation(await readSchema("plan.schema.json")) as JSONSchema;
  return compile(schema, "PlanFile", options(banner("schemas/plan.schema.json")));
}

/** The value at a JSON Pointer (`/$defs/ci`) of a schema, or undefined. */
function at(node: unknown, pointer: string): unknown {
  let value = node;
  for (const key of pointer.split("/").slice(1)) value = (value as Node | undefined)?.[key.replace(/~1/g, "/")];
  return value;
}

/**
 * The schema of `file` ready to compile: the names of {@link NAMES} as titles, and every `$ref`
 * to another schema file replaced by the generated name of its target (`tsType`), with the
 * generated file that declares it in `imports`.
 */
function prepare(file: string, schema: Node, imports: Map<string, Set<string>>, own: readonly string[]): Node {
  const copy = structuredClone(schema);
  for (const [key, name] of Object.entries(NAMES)) {
    const [source, pointer] = key.split("#") as [string, string];
    if (source !== file) continue;
    const target = at(copy, pointer) as Node | undefined;
    if (!target) throw new Error(`generate-types: ${key} names nothing`);
    target["title"] = name;
  }
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node !== "object" || node === null) return node;
    const ref = (node as Node)["$ref"];
    if (typeof ref === "string" && ref.startsWith(ID_PREFIX)) {
      const [path, pointer = ""] = ref.slice(ID_PREFIX.length).split("#");
      const name = NAMES[`${path}#${pointer}`];
      if (!name) throw new Error(`generate-types: ${file} refers to ${ref}, which has no name in NAMES`);
      if (!own.includes(path!)) {
        const from = OUTPUTS.find((o) => o.sources.includes(path!))?.file;
        if (!from) throw new Error(`generate-types: no generated file declares ${ref}`);
        imports.set(from, (imports.get(from) ?? new Set()).add(name));
      }
      const { $ref: _ref, ...rest } = node as Node;
      return { ...rest, tsType: name };
    }
    return Object.fromEntries(Object.entries(node as Node).map(([k, v]) => [k, visit(v)]));
  };
  const { $id: _id, $schema: _schema, ...rest } = visit(copy) as Node;
  return rest;
}

/** Returns the TypeScript source of one generated file (see {@link OUTPUTS}). */
async function generateTypes(output: Output): Promise<string> {
  const imports = new Map<string, Set<string>>();
  const parts: string[] = [];
  for (const file of output.sources) {
    const schema = prepare(file, await readSchema(file), imports, output.sources);
    parts.push(await compile(schema, NAMES[`${file}#`]!, options("")));
  }
  const lines = [...imports].map(
    ([from, names]) => `import type { ${[...names].sort().join(", ")} } from "./${from.replace(/\.ts$/, ".js")}";`,
  );
  const sources = output.sources.length > 1 ? "schemas/status-api/*.schema.json" : `schemas/${output.sources[0]}`;
  return [banner(sources), ...lines, "", ...parts].join("\n").replace(/\n{3,}/g, "\n\n");
}

/** Every generated file: its path and the source it must have. */
export async function generatedFiles(): Promise<{ path: string; source: string }[]> {
  return [
    { path: generatedPath, source: await generatePlanTypes() },
    ...(await Promise.all(
      OUTPUTS.map(async (output) => ({
        path: fileURLToPath(new URL(`src/${output.file}`, ROOT)),
        source: await generateTypes(output),
      })),
    )),
  ];
}

// Run as a script: write the files.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const { path, source } of await generatedFiles()) {
    await writeFile(path, source);
    console.error(`wrote ${path}`);
  }
}
