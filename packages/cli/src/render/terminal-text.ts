/**
 * Characters that must never reach a terminal or CI log raw: C0 controls (ESC starts colour, cursor
 * and OSC sequences, CR rewrites a line, LF starts one, where a CI runner reads `::error ...` as a
 * workflow command), DEL, C1 controls (U+009B is a one-character CSI), line and paragraph
 * separators, and the bidirectional controls that reorder what is shown (U+202E and friends).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** `\n`, `\r`, `\t`, `\x1b` or `\u202e`: a visible stand-in for an unsafe character. */
function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16)}`);
}

/**
 * Makes text from QAComplete or a plan (titles, names, server messages) safe for one line of a
 * terminal or CI log: every control character is shown escaped (`\x1b`, `\n`, `\u202e`), so the
 * text can neither move the cursor, set a window title, start a line nor reorder the line it is in.
 * @example terminalText("a\n::error title=x::y") // "a\\n::error title=x::y"
 */
export function terminalText(text: string): string {
  return text.replace(UNSAFE_TEXT, escapeChar);
}
