import { describe, expect, it } from "vitest";
import { createRedactor, looksLikeSecret } from "./redact-credentials.js";

const redactorFor = (username: string, password: string) =>
  createRedactor({ password, token: Buffer.from(`${username}:${password}`).toString("base64") });

describe("createRedactor", () => {
  it("keeps a server message whole when the password is an ordinary word", () => {
    for (const password of ["wrong", "password", "demo", "invalid"]) {
      const redact = redactorFor("demo@qac.example", password);
      expect(redact("Invalid e-mail or password: wrong credentials for demo@qac.example")).toBe(
        "Invalid e-mail or password: wrong credentials for demo@qac.example",
      );
    }
  });

  it("removes such a password where it appears as a credential", () => {
    const redact = redactorFor("demo@qac.example", "wrong");
    const token = Buffer.from("demo@qac.example:wrong").toString("base64");
    expect(
      redact(
        `echo: Authorization: Basic ${token} url=https://demo:wrong@qac.example/x ` +
          `{"Password":"wrong","user":"demo"} ?password=wrong&x=1 raw ${token}`,
      ),
    ).toBe(
      "echo: Authorization: Basic [redacted] url=https://[redacted]@qac.example/x " +
        '{"Password":"[redacted]","user":"demo"} ?password=[redacted]&x=1 raw [redacted]',
    );
  });

  it("removes a password that cannot be mistaken for text wherever it appears", () => {
    expect(redactorFor("a@b", "s3cr3t-P@ss")("bad s3cr3t-P@ss here")).toBe("bad [redacted] here");
    expect([
      looksLikeSecret("hunter2"),
      looksLikeSecret("wrong"),
      looksLikeSecret("123456"),
      looksLikeSecret("a1"),
    ]).toEqual([true, false, false, false]);
  });
});
