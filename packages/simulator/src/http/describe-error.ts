import type { FastifyError } from "fastify";
import { FilterError } from "../errors.js";
import { AuthError } from "./authenticate.js";
import { defaultErrorCode, type ErrorDescription, type FieldError } from "./error-body.js";
import { HttpError } from "./http-error.js";

/** Request bodies above this size are refused with 413. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** An error reply: what to say, plus headers that belong to it. */
export interface ErrorReply extends ErrorDescription {
  headers: Record<string, string>;
  /** True for a bug in the simulator (logged). */
  unexpected: boolean;
}

/**
 * ServiceStack reports request DTO problems field by field. The codes are assumptions in its
 * style: a missing field as `NotEmpty`, a value of the wrong type as `SerializationException`.
 */
function fieldErrors(error: FastifyError, message: string): FieldError[] {
  return (error.validation ?? []).map((v) => {
    const missing = (v.params as { missingProperty?: unknown }).missingProperty;
    const field = typeof missing === "string" ? missing : v.instancePath.replace(/^\//, "").replace(/\//g, ".");
    const errorCode =
      v.keyword === "required" ? "NotEmpty" : v.keyword === "type" ? "SerializationException" : "ArgumentException";
    return { errorCode, fieldName: field, message };
  });
}

/** Maps anything a handler or fastify threw to the reply the simulator sends (one place for every error). */
export function describeError(error: unknown): ErrorReply {
  const reply = (status: number, message: string, extra: Partial<ErrorReply> = {}): ErrorReply => ({
    status,
    message,
    errorCode: defaultErrorCode(status),
    errors: [],
    headers: {},
    unexpected: false,
    ...extra,
  });
  if (error instanceof AuthError)
    return reply(401, error.message, { headers: { "www-authenticate": 'Basic realm="QAComplete"' } });
  if (error instanceof HttpError)
    return reply(error.status, error.message, {
      errorCode: error.errorCode ?? defaultErrorCode(error.status),
      errors: error.errors,
    });
  if (error instanceof FilterError) {
    const message = `Invalid filter: ${error.message}`;
    return reply(400, message, { errors: [{ errorCode: "ArgumentException", fieldName: "Filter", message }] });
  }
  const fe = error as FastifyError;
  if (fe.validation) {
    const detail = fe.message.replace(/^body\/?/, "").trim();
    const message = `Invalid request body: ${detail.startsWith("must") ? `the body ${detail}` : detail}`;
    const errors = fieldErrors(fe, message);
    return reply(400, message, { errorCode: errors[0]?.errorCode ?? "ArgumentException", errors });
  }
  if (fe.statusCode === 413) return reply(413, `The request body is larger than ${BODY_LIMIT_BYTES} bytes`);
  if (fe.statusCode !== undefined && fe.statusCode >= 400 && fe.statusCode < 500)
    return reply(fe.statusCode, fe.message);
  return reply(500, "An error has occurred.", { unexpected: true });
}
