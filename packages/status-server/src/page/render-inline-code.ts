import { html, type SafeHtml } from "./html.js";

/**
 * Renders text that marks code the Markdown way (`like this`, as OpenAPI descriptions may) with
 * `<code>` elements, everything escaped; a lone backtick stays as written.
 * @example renderInlineCode("send `qac apply --report-to URL`") // send <code>qac apply --report-to URL</code>
 */
export function renderInlineCode(text: string): SafeHtml {
  const parts = text.split(/`([^`]+)`/);
  return html`${parts.map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : part))}`;
}
