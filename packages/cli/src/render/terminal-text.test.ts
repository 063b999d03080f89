import { describe, expect, it } from "vitest";
import { safeJson } from "./safe-json.js";
import { terminalText } from "./terminal-text.js";

const HOSTILE = [
  "\u001b]0;pwned\u0007osc",
  "\u001b[2J\u001b[31mred",
  "ok\rFAKE",
  "nul\u0000byte",
  "x\n::error title=injected::owned",
  "abc\u202edcba",
  "\u009b31mC1\u007f",
  "line\u2028sep",
];

describe("terminalText", () => {
  it("shows every control, C1 and bidi character escaped, on one line", () => {
    expect(HOSTILE.map(terminalText)).toMatchInlineSnapshot(`
      [
        "\\x1b]0;pwned\\x07osc",
        "\\x1b[2J\\x1b[31mred",
        "ok\\rFAKE",
        "nul\\x00byte",
        "x\\n::error title=injected::owned",
        "abc\\u202edcba",
        "\\x9b31mC1\\x7f",
        "line\\u2028sep",
      ]
    `);
  });

  it("keeps ordinary text, accents and emoji as they are", () => {
    expect(terminalText("Log in with e-mail · Grüße ✔️")).toBe("Log in with e-mail · Grüße ✔️");
  });
});

describe("safeJson", () => {
  it("escapes what JSON.stringify leaves raw and parses back to the same value", () => {
    const text = safeJson({ titles: HOSTILE });
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u202e]/);
    expect(JSON.parse(text)).toEqual({ titles: HOSTILE });
  });
});
