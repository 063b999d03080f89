import { createConfig, lintFromString } from "@redocly/openapi-core";
import { afterEach, describe, expect, it } from "vitest";
import { auth, report, testServer } from "../test-support/fixtures.js";

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
}
interface OpenApiDocument {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
}

let app = testServer();
afterEach(async () => {
  await app.close();
  app = testServer();
});
const documentOf = async () => (await app.inject("/docs/openapi.json")).json<OpenApiDocument>();
const operations = (doc: OpenApiDocument) =>
  Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));
/** Sends the operation without credentials; the answer says whether it is protected. */
const statusWithoutToken = async (path: string, method: string) =>
  (await app.inject({ method: method.toUpperCase() as "GET", url: path.replace(/\{[^}]+\}/g, "x"), payload: {} }))
    .statusCode;

describe("OpenAPI document", () => {
  for (const protectReads of [false, true])
    it(`passes Redocly's recommended rules with no error (protectReads: ${protectReads})`, async () => {
      await app.close();
      app = testServer({ protectReads });
      const config = await createConfig({ extends: ["recommended"] });
      const problems = await lintFromString({
        source: JSON.stringify(await documentOf()),
        absoluteRef: "openapi.json",
        config,
      });
      const said = problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}`);
      // The one warning left: /healthz has no 4XX answer, on purpose (a checker's query string must not fail it).
      expect(said).toEqual(["warn operation-4xx-response at #/paths/~1healthz/get/responses"]);
    });

  it("names every operation and a server, so a client can be generated from it", async () => {
    const doc = await documentOf();
    const ids = operations(doc).map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === "string" && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(["createApply", "listRuns", "acquireLease", "streamEvents"]));
    expect(doc.servers).toEqual([expect.objectContaining({ url: "/" })]);
  });

  it("declares the bearer token on exactly the operations that answer 401 without one", async () => {
    for (const protectReads of [false, true]) {
      await app.close();
      app = testServer({ protectReads });
      for (const { path, method, op } of operations(await documentOf())) {
        // An open event stream never ends, so it is not sent; it is open unless reads are protected.
        const status = path === "/events" && !protectReads ? 200 : await statusWithoutToken(path, method);
        const where = `${method.toUpperCase()} ${path} (protectReads: ${protectReads})`;
        if (status === 401) expect(op.security, where).toContainEqual({ bearer: [] });
        else expect(op.security, where).toEqual([]);
      }
    }
  });
});

describe("HTML pages", () => {
  it("render their text: code in descriptions becomes <code>, no page shows a literal backtick", async () => {
    await app.inject({ method: "POST", url: "/api/v1/applies", headers: auth(), payload: report() });
    for (const url of ["/", "/applies/1", "/docs"]) {
      const body = (await app.inject(url)).body;
      const text = body.replace(/<(script|style)[\s\S]*?<\/\1>/g, "").replace(/<[^>]+>/g, "");
      expect(text, url).not.toContain("`");
    }
    expect((await app.inject("/docs")).body).toContain(
      "The runner sends its final report here (<code>qac apply --report-to URL</code>).",
    );
  });
});
