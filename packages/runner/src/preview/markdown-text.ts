/**
 * Text from QAComplete or a plan, made safe for a pull-request comment: it cannot break the comment's
 * Markdown, and it cannot make GitHub or GitLab link, embed, mention or reorder anything.
 */

// NUL and the bidirectional controls that reorder what is shown (U+202E and friends) are dropped.
// eslint-disable-next-line no-control-regex
const DROPPED = /[\u0000\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0001-\u001f\u007f-\u009f\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_NEWLINE = /[\u0001-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
const ZWSP = "\u200b";

/** `\n`, `\x1b`, `\u2028`: a visible stand-in for a control character. */
function visible(c: string): string {
  const code = c.charCodeAt(0);
  if (c === "\n") return "\\n";
  if (c === "\r") return "\\r";
  if (c === "\t") return "\\t";
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16)}`;
}

/**
 * Text for inline Markdown (a table cell, bold text): control characters shown escaped, NUL and
 * bidirectional controls dropped, Markdown and HTML escaped, and a zero-width space breaks what
 * GitHub would turn into something live: bare URLs (`https://`, `www.`), `@mentions` and e-mail
 * addresses, `#123` and `owner/repo#123` references. Links and images cannot start, `[` is escaped.
 * @example markdownText("[x](https://evil) @team") // "\\[x\\](https:\u200b//evil) @\u200bteam"
 */
export function markdownText(text: string): string {
  return text
    .replace(DROPPED, "")
    .replace(CONTROL, visible)
    .replace(/[\\`*_[\]~!|]/g, "\\$&")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replace(/@(?=[\p{L}\p{N}_])/gu, `@${ZWSP}`)
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replaceAll("://", `:${ZWSP}//`)
    .replace(/\b(www)\./gi, `$1${ZWSP}.`);
}

/** Text inside a single-backtick code span: backticks become `'`, controls are shown escaped. */
export function codeSpanText(text: string): string {
  return text.replace(DROPPED, "").replace(CONTROL, visible).replaceAll("`", "'");
}

/** Text inside a fenced code block (use {@link fenceFor}): lines kept, other controls shown escaped. */
export function fencedText(text: string): string {
  return text.replace(DROPPED, "").replace(CONTROL_BUT_NEWLINE, visible);
}

/** A code fence longer than any run of backticks in `text`, so a message cannot close it early. */
export function fenceFor(text: string): string {
  let longest = 0;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return "`".repeat(Math.max(3, longest + 1));
}

/** The URL as an absolute http(s) href, or nothing: a link target cannot break out of `(...)`. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:"
      ? parsed.href.replaceAll("(", "%28").replaceAll(")", "%29").replaceAll(" ", "%20")
      : "";
  } catch {
    return "";
  }
}
