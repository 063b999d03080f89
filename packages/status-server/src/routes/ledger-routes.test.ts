import { afterEach, describe, expect, it } from "vitest";
import { expectSchema } from "../test-support/expect-schema.js";
import { auth, testServer } from "../test-support/fixtures.js";

let app = testServer();
afterEach(async () => {
  await app.close();
  app = testServer();
});
const record = (identity: string, entries: { identity: string; runId: number }[], project = 1001) =>
  app.inject({
    method: "POST",
    url: `/api/v1/ledger/${encodeURIComponent(identity)}`,
    headers: auth(),
    payload: { project, entries },
  });
const read = (identity: string, project = 1001) =>
  app.inject({ url: `/api/v1/ledger/${encodeURIComponent(identity)}?project=${project}`, headers: auth() });

describe("once-per ledger", () => {
  it("records entries per project and apply identity and reads them back", async () => {
    const first = await record("release 1.0 / nightly", [
      { identity: "test:a", runId: 11 },
      { identity: "test:b", runId: 12 },
    ]);
    expect(first.statusCode).toBe(200);
    expectSchema("ledger-recorded", first.json());
    expect(first.json()).toEqual({ recorded: 2, added: 2 });
    const entries = await read("release 1.0 / nightly");
    expectSchema("ledger-entries", entries.json());
    expect(entries.json().entries.map((e: { identity: string; runId: number }) => [e.identity, e.runId])).toEqual([
      ["test:a", 11],
      ["test:b", 12],
    ]);
    expect((await read("release 1.0 / nightly", 1002)).json().entries).toEqual([]);
  });

  it("accepts the same entry again (idempotent retries)", async () => {
    await record("id-1", [{ identity: "test:a", runId: 11 }]);
    const again = await record("id-1", [
      { identity: "test:a", runId: 11 },
      { identity: "test:c", runId: 13 },
    ]);
    expect(again.json()).toEqual({ recorded: 2, added: 1 });
  });

  it("refuses another run id for a recorded identity: 409, the existing entry, nothing stored", async () => {
    await record("id-1", [{ identity: "test:a", runId: 11 }]);
    const conflict = await record("id-1", [
      { identity: "test:new", runId: 20 },
      { identity: "test:a", runId: 99 },
    ]);
    expect(conflict.statusCode).toBe(409);
    expectSchema("ledger-conflict", conflict.json());
    expect(conflict.json().existing).toMatchObject({ identity: "test:a", runId: 11 });
    expect((await read("id-1")).json().entries).toHaveLength(1);
  });

  it("needs the token to read or write the ledger and a project to read it", async () => {
    const anonymousRead = await app.inject("/api/v1/ledger/id-1?project=1001");
    expect(anonymousRead.statusCode).toBe(401);
    expect(anonymousRead.json().error.message).toBe(
      "This request needs `Authorization: Bearer <token>` with the server's QAC_STATUS_TOKEN.",
    );
    expect(
      (await app.inject({ method: "POST", url: "/api/v1/ledger/id-1", payload: { project: 1, entries: [] } }))
        .statusCode,
    ).toBe(401);
    const noProject = await app.inject({ url: "/api/v1/ledger/id-1", headers: auth() });
    expect(noProject.statusCode).toBe(400);
    expect(noProject.json().error.message).toContain("project");
  });
});
