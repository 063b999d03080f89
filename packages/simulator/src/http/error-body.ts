/**
 * How the simulator writes error bodies (reference §13: QAComplete is a ServiceStack host).
 * - `message`: `{"Message": "..."}`, the simulator's historic shape (reference §11.5).
 * - `servicestack`: `{"ResponseStatus": {"ErrorCode", "Message", "Errors": [{"ErrorCode", "FieldName", "Message"}]}}`.
 * - `servicestack-snake`: the same with ServiceStack's snake_case JSON serialiser
 *   (`response_status`, `error_code`, `message`, `errors`, `field_name`).
 */
export type ErrorBodyStyle = (typeof ERROR_BODY_STYLES)[number];

/** Every {@link ErrorBodyStyle}, for option and flag validation. */
export const ERROR_BODY_STYLES = ["message", "servicestack", "servicestack-snake"] as const;

/** One field-level problem, as in ServiceStack's `ResponseStatus.Errors`. */
export interface FieldError {
  errorCode: string;
  fieldName: string;
  message: string;
}

/** Everything an error reply says, independent of the body style. */
export interface ErrorDescription {
  status: number;
  /** ServiceStack's `ErrorCode`: the .NET exception name or HTTP status name. */
  errorCode: string;
  message: string;
  errors?: readonly FieldError[];
}

/**
 * ServiceStack names an error after its exception type, or after the HTTP status for an
 * `HttpError` (`NotFound`, `ServiceUnavailable`). `UnauthorizedAccessException` is what ServiceStack
 * maps to 403 (reference §13); the others are assumptions that follow the same convention.
 */
const CODES: Record<number, string> = {
  400: "ArgumentException",
  401: "Unauthorized",
  403: "UnauthorizedAccessException",
  404: "NotFound",
  405: "MethodNotAllowed",
  409: "Conflict",
  413: "RequestEntityTooLarge",
  415: "UnsupportedMediaType",
  429: "TooManyRequests",
  500: "InternalServerError",
  502: "BadGateway",
  503: "ServiceUnavailable",
  504: "GatewayTimeout",
};

/** The ServiceStack `ErrorCode` used for a status when the error names no better one. */
export function defaultErrorCode(status: number): string {
  return CODES[status] ?? (status >= 500 ? "Exception" : "ArgumentException");
}

/** Writes an error reply's JSON body in the chosen style. */
export function errorBody(style: ErrorBodyStyle, error: ErrorDescription): Record<string, unknown> {
  const errors = error.errors ?? [];
  if (style === "message") return { Message: error.message };
  if (style === "servicestack")
    return {
      ResponseStatus: {
        ErrorCode: error.errorCode,
        Message: error.message,
        Errors: errors.map((e) => ({ ErrorCode: e.errorCode, FieldName: e.fieldName, Message: e.message })),
      },
    };
  return {
    response_status: {
      error_code: error.errorCode,
      message: error.message,
      errors: errors.map((e) => ({ error_code: e.errorCode, field_name: e.fieldName, message: e.message })),
    },
  };
}
