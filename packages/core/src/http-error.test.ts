import { describe, expect, it } from "vitest";
import { mapHttpError, readServerMessage } from "./http-error.js";
import type { QacRateLimitedError } from "./errors.js";

const ctx = { method: "GET", path: "/rest-api/service/api/v2/projects/1/testruns", requestId: "r1" };
const map = (status: number, text = "", headers: Record<string, string> = {}) =>
  mapHttpError(
    { status, text, headers },
    { ...ctx, serverMessage: readServerMessage(text) },
    Date.parse("2026-01-01T00:00:00Z"),
  );

describe("mapHttpError", () => {
  it("maps statuses to stable codes", () => {
    expect(map(400, '{"Message":"Test is already running"}').code).toBe("CORE_BAD_REQUEST");
    expect(map(401, "", { "www-authenticate": "Basic" }).code).toBe("CORE_AUTH");
    expect(map(403, '{"Message":"Access is denied"}').code).toBe("CORE_ACCESS_DENIED");
    expect(map(404, '{"Message":"File or directory not found"}').code).toBe("CORE_NOT_FOUND");
    expect(map(500).code).toBe("CORE_SERVER");
    expect(map(503).code).toBe("CORE_SERVER");
    expect(map(429).code).toBe("CORE_RATE_LIMITED");
  });
  it("recognises the documented texts whatever the status", () => {
    expect(map(401, "Access is denied").code).toBe("CORE_ACCESS_DENIED");
    expect(map(400, "File or directory not found.").code).toBe("CORE_NOT_FOUND");
    expect(map(401, "Access is denied", { "www-authenticate": "Basic" }).code).toBe("CORE_AUTH");
  });
  it("carries method, path, status, server message and request id", () => {
    const e = map(403, '{"Message":"Access is denied"}');
    expect(e).toMatchObject({
      method: "GET",
      path: ctx.path,
      status: 403,
      serverMessage: "Access is denied",
      requestId: "r1",
    });
    expect(e.message).toBe(
      "GET /rest-api/service/api/v2/projects/1/testruns failed with HTTP 403: Access is denied. The project does " +
        "not exist or this user lacks the rights for it.",
    );
  });
  it("parses Retry-After in seconds and as an HTTP date", () => {
    expect((map(429, "", { "retry-after": "7" }) as QacRateLimitedError).retryAfterMs).toBe(7000);
    expect((map(429, "", { "retry-after": "Thu, 01 Jan 2026 00:00:02 GMT" }) as QacRateLimitedError).retryAfterMs).toBe(
      2000,
    );
    expect((map(429) as QacRateLimitedError).retryAfterMs).toBeNull();
  });
});

describe("readServerMessage", () => {
  it("reads JSON Message, plain text, and truncates long bodies", () => {
    expect(readServerMessage('{"Message":"boom"}')).toBe("boom");
    expect(readServerMessage("plain failure\n")).toBe("plain failure");
    expect(readServerMessage("")).toBeUndefined();
    expect(readServerMessage("x".repeat(1000))).toHaveLength(301);
  });
});

describe("readServerMessage with ServiceStack bodies (reference §13)", () => {
  it("reads ResponseStatus.Message and appends field errors", () => {
    const body = {
      ResponseStatus: {
        ErrorCode: "ArgumentException",
        Message: "Filter is not valid",
        Errors: [{ ErrorCode: "NotEmpty", FieldName: "TestId", Message: "TestId or TestSetId is required" }],
      },
    };
    expect(readServerMessage(JSON.stringify(body))).toBe(
      "Filter is not valid; TestId: TestId or TestSetId is required",
    );
  });

  it("reads the snake-case variant and falls back to the error code", () => {
    expect(readServerMessage('{"response_status":{"error_code":"X","message":"Access is denied"}}')).toBe(
      "Access is denied",
    );
    expect(readServerMessage('{"ResponseStatus":{"ErrorCode":"UnauthorizedAccessException"}}')).toBe(
      "UnauthorizedAccessException",
    );
  });

  it("prefers ResponseStatus over a top-level Message, and maps stock texts inside it", () => {
    expect(readServerMessage('{"Message":"outer","ResponseStatus":{"Message":"inner"}}')).toBe("inner");
    const error = map(
      403,
      '{"ResponseStatus":{"ErrorCode":"UnauthorizedAccessException","Message":"Access is denied"}}',
    );
    expect(error.code).toBe("CORE_ACCESS_DENIED");
    expect(error.serverMessage).toBe("Access is denied");
    expect(map(400, '{"response_status":{"message":"File or directory not found"}}').code).toBe("CORE_NOT_FOUND");
  });
});
