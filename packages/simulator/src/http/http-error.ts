/** The texts QAComplete uses for its two named errors (reference §2.6). */
export const ACCESS_DENIED = "Access is denied";
export const NOT_FOUND = "File or directory not found";

/**
 * An error answered as `{"Message": message}` with `status` (reference §11.5: JSON body with a
 * `Message` field). Thrown by route code and turned into a reply by the server's error handler.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** 403 "Access is denied": unknown project, or no right for the operation (reference §11.5). */
export const accessDenied = () => new HttpError(403, ACCESS_DENIED);
/** 404 "File or directory not found": the item does not exist (reference §11.5). */
export const notFound = () => new HttpError(404, NOT_FOUND);
/** 400 with a message that says what is wrong and how to fix it. */
export const badRequest = (message: string) => new HttpError(400, message);
