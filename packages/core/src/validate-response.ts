import { QacError, type QacErrorContext } from "./errors.js";
import type { RouteMeta } from "./endpoints.js";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

class Invalid extends Error {}

function checkId(row: unknown, at: string, id: RouteMeta["id"]): void {
  if (!isObject(row)) throw new Invalid(`${at} is ${Array.isArray(row) ? "an array" : typeof row}, expected an object`);
  if (id === "none") return;
  const value = row.id;
  const ok =
    id === "digits"
      ? (typeof value === "string" && /^\d+$/.test(value)) || Number.isSafeInteger(value)
      : Number.isSafeInteger(value);
  if (!ok)
    throw new Invalid(
      `${at}.id is ${JSON.stringify(value) ?? "missing"}, expected ` +
        `${id === "digits" ? "a string of digits" : "an integer"}`,
    );
}

function checkEnvelope(body: unknown, id: RouteMeta["id"]): void {
  if (!isObject(body)) throw new Invalid("body is not a JSON object, expected a list envelope { metadata, results }");
  const resultSet = isObject(body.metadata) ? body.metadata.result_set : undefined;
  if (!isObject(resultSet)) throw new Invalid("metadata.result_set is missing");
  for (const key of ["total", "offset"] as const) {
    if (!Number.isSafeInteger(resultSet[key]))
      throw new Invalid(
        `metadata.result_set.${key} is ${JSON.stringify(resultSet[key]) ?? "missing"}, expected an integer`,
      );
  }
  if (!Array.isArray(body.results)) throw new Invalid("results is not an array");
  body.results.forEach((row, i) => checkId(row, `results[${i}]`, id));
}

/**
 * Parses a 2xx body and checks what the route promises: the list envelope, the object with its
 * `id` type. Cheap hand-written guards for the envelope and key fields, not a schema per row.
 * Anything else is CORE_INVALID_RESPONSE with the path and what was wrong; a quoted body goes
 * through `scrub` first, since a misbehaving server or proxy may echo the Authorization header.
 */
export function validateResponse(
  text: string,
  meta: RouteMeta,
  context: QacErrorContext,
  scrub: (text: string) => string = (t) => t,
): unknown {
  if (meta.shape === "empty") return undefined;
  if (meta.shape === "object-or-empty" && text.trim() === "") return undefined;
  const where = `${context.method ?? "?"} ${context.path ?? "?"}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // Scrub before cutting, so that a secret cut in half at the end cannot slip through.
    const preview = scrub(text.trim().slice(0, 4096)).slice(0, 80);
    throw new QacError(
      "CORE_INVALID_RESPONSE",
      `${where} returned HTTP ${context.status ?? "?"} with a body that is not ` +
        `JSON${preview ? ` (starts with ${JSON.stringify(preview)})` : " (empty)"}.`,
      context,
    );
  }
  try {
    if (meta.shape === "list") checkEnvelope(body, meta.id);
    else if (meta.shape === "hosts") {
      if (Array.isArray(body)) body.forEach((row, i) => checkId(row, `[${i}]`, "number"));
      else if (isObject(body) && "results" in body) checkEnvelope(body, "number");
      else checkId(body, "body", "number");
    } else checkId(body, "body", meta.id);
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    throw new QacError("CORE_INVALID_RESPONSE", `${where} returned an unexpected body: ${error.message}.`, context);
  }
  return body;
}
