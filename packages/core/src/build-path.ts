import { QacError } from "./errors.js";
import { parseId } from "./ids.js";

// encodeURIComponent leaves ' ( ) ! * alone; the filter page asks for ' as %27 (reference §2.4).
/** URL-encodes a query value the way the client sends it (also ' ( ) ! *). */
export const encodeQueryValue = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Expands `/api/v2/projects/{ProjectId}/testruns` with path values (each must be a positive
 * integer id) and appends the query, encoding spaces as `%20` as the filter page asks (§2.4).
 */
export function buildPath(
  template: string,
  path: Record<string, unknown> | undefined,
  query: Record<string, unknown> | undefined,
): string {
  const expanded = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = path?.[name];
    if (value === undefined)
      throw new QacError("CORE_INVALID_ARGUMENT", `Missing path parameter ${name} for ${template}.`);
    return String(parseId(value, name));
  });
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (typeof value === "number" && (!Number.isSafeInteger(value) || value < 0)) {
      throw new QacError(
        "CORE_INVALID_ARGUMENT",
        `Query parameter ${key} must be a non-negative integer, got ${value}.`,
      );
    }
    if (typeof value !== "string" && typeof value !== "number") {
      throw new QacError(
        "CORE_INVALID_ARGUMENT",
        `Query parameter ${key} must be a string or number, got ${typeof value}.`,
      );
    }
    parts.push(`${encodeQueryValue(key)}=${encodeQueryValue(String(value))}`);
  }
  return parts.length === 0 ? expanded : `${expanded}?${parts.join("&")}`;
}
