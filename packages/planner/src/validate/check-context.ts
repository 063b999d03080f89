import type { Diagnostic, PlanErrorCode, Severity } from "../errors.js";
import type { Fragment } from "../load/build-fragment.js";
import { pointer, type DocPath } from "../load/source-file.js";

/** Collects meaning diagnostics, skipping values the schema already rejected. */
export class CheckContext {
  readonly diagnostics: Diagnostic[] = [];

  /** Reports a problem at `path` in `fragment`'s file. */
  report(
    fragment: Fragment,
    code: PlanErrorCode,
    message: string,
    path: DocPath,
    part: "key" | "value" = "value",
    severity: Severity = "error",
  ): void {
    this.diagnostics.push(fragment.source.diagnostic(code, message, { path, part }, severity));
  }

  /** True when the schema rejected the value at `path` (or a parent), so it was reported already. */
  wasInvalid(fragment: Fragment, path: DocPath): boolean {
    for (let n = path.length; n >= 0; n--) if (fragment.invalid.has(pointer(path.slice(0, n)))) return true;
    return false;
  }
}

/** `"a"` → `["a"]`, lists kept (invalid items dropped); `undefined` stays undefined. */
export function nameList(value: unknown): (string | undefined)[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.map((v) => (typeof v === "string" ? v : undefined));
  return undefined;
}

/** Converts an entity name into a key: lower case, runs of other characters become `-`. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "entry"
  );
}
