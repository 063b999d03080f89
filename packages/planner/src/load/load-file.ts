import type { Diagnostic } from "../errors.js";
import { dropInvalid, mapSchemaErrors } from "../validate/map-schema-errors.js";
import { schemaErrors } from "../validate/schema-validator.js";
import { buildFragment, isMapping, type Fragment } from "./build-fragment.js";
import type { Env } from "./interpolate-env.js";
import { parseSource } from "./parse-source.js";
import { decodeSource, readSource } from "./read-source.js";

/** One file checked on its own: syntax, environment, schema. */
export interface LoadedFile {
  fragment: Fragment | null;
  diagnostics: Diagnostic[];
}

/**
 * Reads (or takes) one plan file's text and checks it on its own. `file` is the name shown in
 * messages, `fullPath` where it is read from.
 */
export async function loadFile(
  file: string,
  fullPath: string,
  text: string | undefined,
  env: Env,
  maxBytes: number,
): Promise<LoadedFile> {
  let body: string;
  const diagnostics: Diagnostic[] = [];
  if (text === undefined) {
    const read = await readSource(fullPath, maxBytes, file);
    for (const item of read.diagnostics) diagnostics.push(item);
    if (!read.ok) return { fragment: null, diagnostics };
    body = read.text;
  } else {
    const bytes = Buffer.byteLength(text, "utf8");
    if (bytes > maxBytes) {
      const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
      return {
        fragment: null,
        diagnostics: [
          {
            code: "PLAN_FILE_TOO_LARGE",
            severity: "error",
            message:
              `plan is ${mib(bytes)}, over the ${mib(maxBytes)} limit; split it into files combined with ` +
              `\`include:\``,
            file,
            line: 1,
            column: 1,
          },
        ],
      };
    }
    // Text given by a caller may still carry a BOM; decode it the same way as a file.
    const decoded =
      text.charCodeAt(0) === 0xfeff
        ? decodeSource(file, Buffer.from(text, "utf8"))
        : { ok: true as const, text, diagnostics: [] };
    if (!decoded.ok) return { fragment: null, diagnostics: decoded.diagnostics };
    for (const item of decoded.diagnostics) diagnostics.push(item);
    body = decoded.text;
  }
  const parsed = parseSource(file, body, env);
  for (const item of parsed.diagnostics) diagnostics.push(item);
  if (parsed.data === undefined || parsed.data === null) return { fragment: null, diagnostics };
  if (typeof parsed.data === "object" && !Array.isArray(parsed.data) && !isMapping(parsed.data)) {
    const found = parsed.data instanceof Uint8Array ? "binary data (`!!binary`)" : "a tagged YAML value (`!!set`, ...)";
    const message = `the plan must be a mapping (\`version: 1\`, \`project:\`, \`entries:\`); found ${found}`;
    diagnostics.push(parsed.source.diagnostic("PLAN_SCHEMA", message, { offset: 0 }));
    return { fragment: null, diagnostics };
  }
  const mapped = mapSchemaErrors(schemaErrors(parsed.data), parsed.source);
  // A value whose `${VAR}` failed is reported once, as PLAN_ENV, not again by the schema.
  const envSpots = new Set(parsed.diagnostics.filter((d) => d.code === "PLAN_ENV").map((d) => `${d.line}:${d.column}`));
  for (const item of mapped.diagnostics.filter((d) => !envSpots.has(`${d.line}:${d.column}`))) diagnostics.push(item);
  const data = dropInvalid(parsed.data, mapped.invalid);
  return { fragment: buildFragment(parsed.source, data, mapped.invalid), diagnostics };
}
