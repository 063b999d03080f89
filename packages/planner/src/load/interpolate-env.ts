import { isScalar, parse as parseYamlScalar, visit, type Document, type Scalar } from "yaml";
import type { Diagnostic } from "../errors.js";
import type { SourceFile } from "./source-file.js";

/** Environment variables for `${VAR}` interpolation. */
export type Env = Readonly<Record<string, string | undefined>>;

// `$${` is a literal `${`; `${NAME}` or `${NAME:-default}`; anything else starting with `${` is malformed.
const token = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$\{/g;

/**
 * Replaces `${VAR}` and `${VAR:-default}` in every string value of the document (not in keys)
 * from `env`. A plain (unquoted) value that is exactly one expression is re-read as YAML, so
 * `forceNewRun: ${FORCE:-false}` gives a boolean. Missing variables become diagnostics.
 */
export function interpolateEnv(doc: Document, source: SourceFile, env: Env): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  visit(doc, {
    Scalar(key, node) {
      if (key === "key" || typeof node.value !== "string" || !node.value.includes("${")) return;
      const replaced = substitute(node, env, source, diagnostics);
      if (replaced !== undefined) node.value = replaced;
    },
  });
  return diagnostics;
}

function substitute(node: Scalar, env: Env, source: SourceFile, diagnostics: Diagnostic[]): unknown {
  const value = node.value as string;
  const where = { offset: node.range?.[0] ?? 0, end: node.range?.[1] };
  let failed = false;
  const out = value.replace(token, (match, name: string | undefined, fallback: string | undefined) => {
    if (match === "$${") return "${";
    if (name === undefined) {
      failed = true;
      diagnostics.push(
        source.diagnostic(
          "PLAN_ENV",
          "malformed `${...}`: write `${NAME}` or `${NAME:-default}` (NAME: letters, digits, _), or `$${` for a literal `${`",
          where,
        ),
      );
      return match;
    }
    const set = env[name];
    if (set !== undefined && (set !== "" || fallback === undefined)) return set;
    if (fallback !== undefined) return fallback;
    failed = true;
    diagnostics.push(
      source.diagnostic(
        "PLAN_ENV",
        `environment variable ${name} is not set; set it, or give a default with \`\${${name}:-value}\``,
        where,
      ),
    );
    return match;
  });
  if (failed) return undefined;
  const whole = /^\$\{[^}]*\}$/.test(value);
  if (whole && node.type === "PLAIN" && isScalar(node)) {
    // Only scalars: a variable must not be able to inject a mapping or a list into the plan.
    try {
      const typed: unknown = parseYamlScalar(out);
      if (typeof typed === "boolean" || typeof typed === "number") return typed;
    } catch {
      // Not a valid scalar on its own: keep it as a string.
    }
  }
  return out;
}
