import { describe, expect, it } from "vitest";
import type { PreviewDocument } from "./build-preview.js";
import { codeSpanText, fencedText, markdownText } from "./markdown-text.js";
import { previewMarker, renderPreviewMarkdown } from "./render-preview-markdown.js";

/** Shows the zero-width spaces that break links and mentions. */
const zwsp = (text: string) => text.replaceAll("\u200b", "<ZWSP>");

/** Test titles someone with edit rights in QAComplete could write. */
const HOSTILE = [
  "\u001b]0;pwned\u0007osc",
  "ok\rFAKE",
  "nul\u0000byte",
  "x\n::error title=injected::owned",
  "abc\u202edcba",
  "[click](https://evil.example) ![img](http://evil.example/a.png) <img src=x onerror=alert(1)>",
  "@octocat cc @org/team, mail me@evil.example, see owner/repo#1 and www.evil.example &#x202e;",
];

describe("markdownText", () => {
  it("escapes controls, drops NUL and bidi overrides, and leaves nothing live", () => {
    expect(HOSTILE.map((t) => zwsp(markdownText(t)))).toMatchInlineSnapshot(`
      [
        "\\\\x1b\\]0;pwned\\\\x07osc",
        "ok\\\\rFAKE",
        "nulbyte",
        "x\\\\n::error title=injected::owned",
        "abcdcba",
        "\\[click\\](https:<ZWSP>//evil.example) \\!\\[img\\](http:<ZWSP>//evil.example/a.png) &lt;img src=x onerror=alert(1)&gt;",
        "@<ZWSP>octocat cc @<ZWSP>org/team, mail me@<ZWSP>evil.example, see owner/repo#<ZWSP>1 and www<ZWSP>.evil.example &amp;#x202e;",
      ]
    `);
  });

  it("keeps ordinary titles as they are", () => {
    expect(markdownText("Log in with e-mail and password (SSO)")).toBe("Log in with e-mail and password (SSO)");
    expect(markdownText("a | b")).toBe("a \\| b");
  });

  it("keeps code spans and fences closed and on their lines", () => {
    expect(codeSpanText("a`b\nc\u202e")).toBe("a'b\\nc");
    expect(fencedText("line 1\nline\u001b[2J 2\u0000")).toBe("line 1\nline\\x1b[2J 2");
    expect(previewMarker("a--->b\n-->")).toBe("<!-- qac-preview: a->b\\n-> -->");
  });
});

describe("renderPreviewMarkdown with hostile titles", () => {
  it("writes one table row per run, each on one line, with nothing live in it", () => {
    const run = (title: string, i: number): PreviewDocument["runs"][number] => ({
      identity: `i${i}`,
      identityKey: `k${i}`,
      runKey: `k${i}`,
      kind: "test",
      testId: i,
      testSetId: null,
      title,
      configuration: { id: 1, title: "Chrome\u202e" },
      release: { id: 2, title: "B42", path: "2026.12 / B42" },
      host: { id: 3, name: "agent\n@admin" },
      sequence: null,
      decision: "create",
      satisfiedBy: null,
      satisfiedByStatus: null,
      reason: "no unfinished run",
      origin: { file: "p.yaml", line: 1 },
    });
    const doc: PreviewDocument = {
      version: 1,
      kind: "qac-preview",
      plan: { name: "smoke", file: "p.yaml" },
      project: { id: 1001, name: "Web **Shop** @everyone" },
      applyIdentity: null,
      observedAt: "2026-11-28T10:00:00.000Z",
      calls: { resolve: { total: 3, minimum: 3 }, observe: { total: 1, runLists: 1, itemLists: 0, minimum: 1 } },
      summary: { total: HOSTILE.length, create: HOSTILE.length, createForced: 0, skip: 0 },
      runs: HOSTILE.map(run),
    };
    const md = renderPreviewMarkdown(doc);
    const rows = md.split("\n").filter((l) => l.startsWith("| ➕"));
    expect(rows).toHaveLength(HOSTILE.length);
    // eslint-disable-next-line no-control-regex
    expect(md).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    expect(md).not.toMatch(/^\s*::/m);
    expect(md.replace(/^\|.*\|$/gm, (row) => row.replace(/\\[\\[\]!]/g, ""))).not.toMatch(
      /[[\]]|https?:\/\/evil|@octocat|<img/,
    );
    expect(zwsp(md)).toContain("Project **Web \\*\\*Shop\\*\\* @<ZWSP>everyone** (1001)");
    expect(zwsp(rows[0]!)).toBe(
      "| ➕ create | test \\\\x1b\\]0;pwned\\\\x07osc | Chrome | 2026.12 / B42 | agent\\\\n@<ZWSP>admin | no " +
        "unfinished run |",
    );
  });
});
