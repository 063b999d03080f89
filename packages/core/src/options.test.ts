import { describe, expect, it } from "vitest";
import { parseBaseUrl, resolveOptions } from "./options.js";
import type { ClientOptions } from "./options.js";
import type { QacError } from "./errors.js";

const base = { baseUrl: "http://127.0.0.1:8787", username: "demo@qac.example", password: "hunter2-secret" };

describe("parseBaseUrl", () => {
  it("accepts the server root or a URL already ending in /rest-api/service, with or without slash", () => {
    for (const url of [
      "http://h:1",
      "http://h:1/",
      "http://h:1/rest-api/service",
      "http://h:1/rest-api/service/",
      new URL("http://h:1"),
    ]) {
      expect(parseBaseUrl(url)).toEqual({ origin: "http://h:1", servicePath: "/rest-api/service" });
    }
  });
  it("keeps an on-premises path prefix", () => {
    expect(parseBaseUrl("https://corp.example/qac/rest-api/service")).toEqual({
      origin: "https://corp.example",
      servicePath: "/qac/rest-api/service",
    });
  });
  it("rejects non-http URLs, credentials in the URL and garbage with CORE_CONFIG", () => {
    for (const url of ["ftp://h", "file:///etc", "not a url", "http://u:p@h", "http://h/?x=1", 42]) {
      expect(() => parseBaseUrl(url)).toThrow(
        expect.objectContaining({ code: "CORE_CONFIG", message: expect.stringContaining("baseUrl") }),
      );
    }
  });
});

describe("resolveOptions", () => {
  it("applies defaults", () => {
    const r = resolveOptions(base);
    expect([r.pageSize, r.timeoutMs, r.connections, r.retry.maxAttempts]).toEqual([500, 30_000, 8, 8]);
  });
  it("names each missing or invalid option", () => {
    const cases: [Partial<ClientOptions>, string][] = [
      [{ username: "" }, "username"],
      [{ password: undefined }, "password"],
      [{ pageSize: 0 }, "pageSize"],
      [{ timeoutMs: 1.5 }, "timeoutMs"],
      [{ connections: -1 }, "connections"],
      [{ baseUrl: undefined }, "baseUrl"],
    ];
    for (const [patch, name] of cases) {
      expect(() => resolveOptions({ ...base, ...patch })).toThrow(
        expect.objectContaining({ code: "CORE_CONFIG", message: expect.stringContaining(`\`${name}\``) }),
      );
    }
  });
  it("reports every bad option at once", () => {
    expect(() => resolveOptions({ baseUrl: "ftp://x", username: "", password: "", pageSize: 0 })).toThrow(
      expect.objectContaining({
        code: "CORE_CONFIG",
        message: expect.stringMatching(
          new RegExp(
            "^createClient: 4 problems with the options:\n- option `baseUrl` uses ftp:.*\n" +
              "- option `username`.*\n- option `password`.*\n- option `pageSize`",
          ),
        ),
      }),
    );
  });

  it("never echoes a bad password value", () => {
    try {
      resolveOptions({ ...base, password: 12345 as unknown as string });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain("12345");
      return;
    }
    throw new Error("expected CORE_CONFIG");
  });
});

describe("CORE_CONFIG problems", () => {
  it("come as data, with the value given unless it is secret", () => {
    let error: unknown;
    try {
      resolveOptions({ baseUrl: "http://me:pw@qac.example/x", username: "a:b", password: "" });
    } catch (caught) {
      error = caught;
    }
    expect((error as QacError).problems).toEqual([
      {
        option: "baseUrl",
        kind: "invalid",
        expected: "a URL without a user or password in it (they are given separately)",
        found: "http://***@qac.example/x",
      },
      {
        option: "username",
        kind: "invalid",
        expected: "an e-mail address without ':' (HTTP Basic cannot encode it)",
        found: "a:b",
      },
      { option: "password", kind: "missing", expected: "a non-empty string" },
    ]);
    expect(() => parseBaseUrl("localhost:8787")).toThrow(
      expect.objectContaining({
        problems: [expect.objectContaining({ option: "baseUrl", kind: "invalid", found: "localhost:8787" })],
      }),
    );
  });
});
