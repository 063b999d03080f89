// Characters JSON.stringify leaves raw that a terminal acts on: DEL, C1 controls (U+009B is a
// one-character CSI), line separators and bidirectional controls. C0 controls it escapes itself.
const RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * `JSON.stringify(value, null, 2)` that is also safe to print: the characters `JSON.stringify`
 * leaves raw can only occur inside strings, where `\uXXXX` means the same character, so the
 * document parses to the same value.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
