import { describe, expect, it } from "vitest";
import { escapeHtml, html } from "./html.js";

describe("escapeHtml", () => {
  it("escapes markup and drops NUL and bidirectional overrides from report text", () => {
    const title = 'abc\u202edcba\u2066x\u2069 <img src=x onerror="alert(1)"> nul\u0000byte';
    expect(escapeHtml(title)).toBe("abcdcbax &lt;img src=x onerror=&quot;alert(1)&quot;&gt; nulbyte");
    // eslint-disable-next-line no-control-regex
    expect(html`<td title="${title}">${title}</td>`.value).not.toMatch(/[\u0000\u202e\u2066\u2069<](?!\/?td)/);
  });
});
