/** Helpers that keep text from user input from breaking the Markdown of a pull-request comment. */

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
