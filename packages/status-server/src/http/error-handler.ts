import type { FastifyError, FastifyInstance } from "fastify";
import { StatusServerError, type StatusErrorCode } from "../errors.js";

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** "body/runs/0/runId must be integer; querystring must NOT have additional properties (extra)". */
function describeValidation(error: FastifyError): string {
  const where = error.validationContext ?? "request";
  const issues = (error.validation ?? []) as ValidationIssue[];
  const lines = issues.slice(0, 10).map((issue) => {
    const extra =
      typeof issue.params?.["additionalProperty"] === "string" ? ` (${issue.params["additionalProperty"]})` : "";
    return `${where}${issue.instancePath ?? ""} ${issue.message ?? "is invalid"}${extra}`;
  });
  const more = issues.length > 10 ? `; and ${issues.length - 10} more` : "";
  return `Invalid request: ${lines.join("; ")}${more}. See /docs for the expected shape.`;
}

/**
 * The one error handler: every error becomes `{ error: { code, message } }` with the status its
 * code maps to. Unexpected errors are logged with the request id and answered without details, so
 * nothing internal (paths, SQL, secrets) reaches the client.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | StatusServerError, request, reply) => {
    let known: StatusServerError;
    if (error instanceof StatusServerError) known = error;
    else if (error.validation) known = new StatusServerError("STATUS_VALIDATION", describeValidation(error));
    else if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE")
      known = new StatusServerError(
        "STATUS_BODY_TOO_LARGE",
        "The request body is larger than this server accepts (bodyLimit); send a smaller report.",
      );
    else if (typeof error.statusCode === "number" && error.statusCode < 500) {
      // fastify's own 4xx (bad JSON, wrong content type): its message names the problem and holds no secret.
      const status = error.statusCode;
      const code: StatusErrorCode =
        status === 404 ? "STATUS_NOT_FOUND" : status === 429 ? "STATUS_RATE_LIMITED" : "STATUS_VALIDATION";
      reply.status(status).send({ error: { code, message: error.message } });
      return;
    } else {
      request.log.error({ err: error }, "unexpected error");
      known = new StatusServerError(
        "STATUS_INTERNAL",
        `Internal error; the server log has details under request id ${request.id}.`,
      );
    }
    reply.status(known.statusCode).send({ ...known.extra, error: { code: known.code, message: known.message } });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: {
        code: "STATUS_NOT_FOUND",
        message: `No route ${request.method} ${request.url.split("?")[0]}; see /docs for the API.`,
      },
    });
  });
}
