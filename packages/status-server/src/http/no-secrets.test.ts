import { describe, expect, it } from "vitest";
import { inspect } from "node:util";
import { ADMIN, TOKEN, auth, report, testServer } from "../test-support/fixtures.js";

describe("secrets", () => {
  it("never show in logs, error answers or the inspected app", async () => {
    const lines: string[] = [];
    const app = testServer({ logger: { stream: { write: (line) => void lines.push(line) } } });
    await app.inject({ method: "POST", url: "/api/v1/applies", headers: auth(), payload: report() });
    const refused = await app.inject({
      method: "POST",
      url: "/api/v1/applies",
      headers: auth("guessed-token-0123456789"),
      payload: report(),
    });
    await app.inject({ method: "DELETE", url: "/api/v1/leases/x?force=true", headers: auth(TOKEN) });
    await app.inject({
      method: "POST",
      url: "/api/v1/applies",
      headers: { ...auth(), "content-type": "application/json" },
      payload: "{not json",
    });
    const logs = lines.join("");
    expect(logs).toContain('"statusCode":401');
    for (const secret of [TOKEN, ADMIN, "guessed-token"]) {
      expect(logs).not.toContain(secret);
      expect(refused.body).not.toContain(secret);
      expect(inspect(app.qacStatus, { depth: 4 })).not.toContain(secret);
    }
    await app.close();
  });
});
