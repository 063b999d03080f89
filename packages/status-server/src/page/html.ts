/** HTML that is already safe to emit (built by {@link html}). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

// NUL, and the bidirectional controls that reorder what is shown (U+202E and friends), are dropped.
// eslint-disable-next-line no-control-regex
const DROPPED = /[\u0000\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Escapes text for HTML content and quoted attributes; drops NUL and bidirectional overrides. */
export function escapeHtml(text: string): string {
  return text.replace(DROPPED, "").replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

type Value = SafeHtml | string | number | boolean | null | undefined | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly Value[]).map(render).join("");
  return escapeHtml(String(value));
}

/**
 * Tagged template that escapes every interpolated value unless it is {@link SafeHtml}, so nothing
 * a report carries (titles, plan names, CI fields) can inject markup.
 * @example html`<td>${run.title}</td>`
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** The URL when it is http(s), else null: links from reports never become `javascript:` links. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** `2026-12-01 09:00:05 UTC` for an ISO time; other text unchanged (reports may carry any string). */
export function formatTime(value: string | null | undefined): string {
  if (!value) return "—";
  const ms = Date.parse(value);
  return Number.isNaN(ms)
    ? value
    : new Date(ms)
        .toISOString()
        .replace("T", " ")
        .replace(/\.\d+Z$/, " UTC");
}
