import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { QacError, type QacClient } from "@qac/core";
import { cliFixture } from "./commands/test-support/cli-fixture.js";
import type { Connection } from "./connect/connect.js";
import { EXIT } from "./exit-codes.js";
import { explainError } from "./explain-error.js";
import { runCli } from "./run-cli.js";

let f: Awaited<ReturnType<typeof cliFixture>>;
beforeEach(async () => void (f = await cliFixture()));
afterEach(() => f.sim.close());

/** The error `qac plan` prints with these settings (URL placeholder for the simulator's port). */
async function planError(env: Record<string, string>, args: string[] = []): Promise<string> {
  const c = f.io({ env });
  expect(await runCli(["plan", "plan.yaml", ...args], c.io)).toBe(EXIT.ERROR);
  return c.err().replaceAll(f.sim.url, "http://127.0.0.1:PORT");
}

describe("messages name what the user sets", () => {
  it("a URL that is not one: QAC_URL or --url, with the value given", async () => {
    expect(await planError({ QAC_URL: "localhost:8787" })).toMatchInlineSnapshot(`
      "qac: QAC_URL is not valid ("localhost:8787"): expected an http(s) URL of the QAComplete server root, e.g. https://rest.qacomplete.smartbear.com.
      "
    `);
    expect(await planError({}, ["--url", "qac.example.com"])).toMatchInlineSnapshot(`
      "qac: --url is not valid ("qac.example.com"): expected an http(s) URL of the QAComplete server root, e.g. https://rest.qacomplete.smartbear.com.
      "
    `);
  });

  it("several bad settings at once, a URL with credentials shown without them", async () => {
    expect(await planError({ QAC_URL: "https://me:s3cret@qac.example", QAC_USER: "me:you" })).toMatchInlineSnapshot(`
      "qac: cannot connect to QAComplete:
        QAC_URL is not valid ("https://***@qac.example/"): expected a URL without a user or password in it (they are given separately).
        QAC_USER is not valid ("me:you"): expected an e-mail address without ':' (HTTP Basic cannot encode it).
      "
    `);
  });

  it("a refused login: the user and where the login and password were set, the server's words kept whole", async () => {
    // A password that is an ordinary word must not blank that word in the server's message.
    expect(await planError({ QAC_PASSWORD: "password" })).toMatchInlineSnapshot(`
      "qac: QAComplete at http://127.0.0.1:PORT refused the login demo@qac.example (HTTP 401: Authorization has been denied for this request: wrong e-mail or password). Check QAC_USER and QAC_PASSWORD.
      "
    `);
  });

  it("a 404 on the very first call: QAC_URL is probably not the server root", async () => {
    expect(await planError({ QAC_URL: `${f.sim.url}/qacomplete` })).toMatchInlineSnapshot(`
      "qac: QAComplete answered 404 Not Found for http://127.0.0.1:PORT/qacomplete/rest-api/service/api/v1/projects?offset=0&limit=1000, the first request qac made. Is QAC_URL (http://127.0.0.1:PORT/qacomplete) the server root, e.g. https://rest.qacomplete.smartbear.com? qac adds /rest-api/service itself.
      "
    `);
  });

  it("a --project name nobody can see", async () => {
    const c = f.io();
    expect(await runCli(["wait", "130002", "--project", "Web shop 2"], c.io)).toBe(EXIT.ERROR);
    expect(c.err()).toMatchInlineSnapshot(`
      "qac: --project "Web shop 2" is not a project this user can see; projects: Web Shop (1001), Mobile App (1002).
      "
    `);
  });

  it("a missing argument: the command's own help", async () => {
    const c = f.io();
    expect(await runCli(["apply"], c.io)).toBe(EXIT.ERROR);
    expect(c.err()).toMatchInlineSnapshot(`
      "error: missing required argument 'files'
      (run \`qac apply --help\` for usage)
      "
    `);
  });
});

describe("connection failures say what to check", () => {
  const connection = {
    client: { callCount: () => 1 } as unknown as QacClient,
    url: "https://qac.example.test",
    user: "me@example.com",
    urlSetting: "QAC_URL",
    userSetting: "QAC_USER",
    passwordSetting: "QAC_PASSWORD",
  } satisfies Connection;
  const network = (code: string) =>
    new QacError("CORE_NETWORK", "GET /x failed", {
      method: "GET",
      path: "/x",
      cause: Object.assign(new Error(code), { code }),
    });

  it("names the URL tried and suggests checking QAC_URL and the server", async () => {
    const texts = await Promise.all(
      [
        network("ECONNREFUSED"),
        network("ENOTFOUND"),
        network("ECONNRESET"),
        new QacError("CORE_TIMEOUT", "slow", { method: "GET", path: "/x" }),
      ].map(async (e) => (await explainError(e, connection)).text),
    );
    expect(texts).toMatchInlineSnapshot(`
      [
        "cannot reach QAComplete at https://qac.example.test: the connection was refused (ECONNREFUSED). Check QAC_URL and that the server is running.",
        "cannot reach QAComplete at https://qac.example.test: the host qac.example.test was not found (ENOTFOUND). Check QAC_URL and that the server is running.",
        "cannot reach QAComplete at https://qac.example.test: the connection failed (ECONNRESET). Check QAC_URL and that the server is running.",
        "cannot reach QAComplete at https://qac.example.test: no answer in time. Check QAC_URL and that the server is running.",
      ]
    `);
  });
});

describe("a server that does not answer at once", () => {
  it("is not a silent minute: one line says the client tries again, then the command goes on", async () => {
    f.sim.faults.set([{ route: "GET /api/v1/projects", status: 503, times: 2 }]);
    const c = f.io();
    expect(await runCli(["plan", "plan.yaml"], c.io)).toBe(EXIT.OK);
    expect(c.err().replaceAll(f.sim.url, "http://127.0.0.1:PORT")).toMatchInlineSnapshot(`
      "QAComplete at http://127.0.0.1:PORT failed (HTTP 503, CORE_SERVER); trying again for up to a minute (Ctrl-C stops).
      "
    `);
  });
});
