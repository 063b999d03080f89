import type { FieldError } from "./error-body.js";

/** The texts QAComplete uses for its two named errors (reference §2.6). */
const ACCESS_DENIED = "Access is denied";
export const NOT_FOUND = "File or directory not found";

/**
 * An error answered with `status` and a body in the configured style (reference §11.5, §13).
 * Thrown by route code and turned into a reply by the server's error handler.
 */
export class HttpError extends Error {
  /** ServiceStack `ErrorCode`; the status's default when undefined. */
  readonly errorCode: string | undefined;
  /** Field-level problems (ServiceStack `Errors`). */
  readonly errors: readonly FieldError[];

  constructor(
    readonly status: number,
    message: string,
    options: { errorCode?: string; errors?: readonly FieldError[] } = {},
  ) {
    super(message);
    this.name = "HttpError";
    this.errorCode = options.errorCode;
    this.errors = options.errors ?? [];
  }
}

/** 403 "Access is denied": unknown project, or no right for the operation (reference §11.5, §13). */
export const accessDenied = () => new HttpError(403, ACCESS_DENIED, { errorCode: "UnauthorizedAccessException" });
/** 404 "File or directory not found": the item does not exist (reference §11.5). */
export const notFound = () => new HttpError(404, NOT_FOUND);
/** 400 with a message that says what is wrong and how to fix it. */
export const badRequest = (message: string, errorCode = "ArgumentException") =>
  new HttpError(400, message, { errorCode });
