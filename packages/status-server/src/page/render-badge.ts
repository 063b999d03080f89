import type { StatusCounts } from "../store/status-store.js";
import { escapeHtml } from "./html.js";

const COLORS = { passed: "#2e7d32", failed: "#c62828", running: "#b26a00", unknown: "#6b7280" };

// Roughly Verdana 11px; good enough to size the boxes without a font table.
const widthOf = (text: string) => Math.round(text.length * 6.6 + 12);

/** What the badge says and its colour: failures first, then work still running, then all passed. */
function badgeMessage(counts: StatusCounts | undefined): { text: string; color: string } {
  if (!counts || counts.total === 0) return { text: "no runs", color: COLORS.unknown };
  if (counts.failed + counts.blocked > 0)
    return { text: `${counts.failed + counts.blocked} failed, ${counts.passed} passed`, color: COLORS.failed };
  if (counts.awaiting + counts.inProgress > 0)
    return { text: `${counts.awaiting + counts.inProgress} running, ${counts.passed} passed`, color: COLORS.running };
  if (counts.other > 0) return { text: `${counts.passed} passed, ${counts.other} other`, color: COLORS.unknown };
  return { text: `${counts.passed} passed`, color: COLORS.passed };
}

/** A shields-style SVG badge: the plan name on the left, its latest apply's state on the right. */
export function renderBadge(label: string, counts: StatusCounts | undefined): string {
  const { text, color } = badgeMessage(counts);
  const left = widthOf(label);
  const right = widthOf(text);
  const total = left + right;
  const l = escapeHtml(label);
  const t = escapeHtml(text);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="20" role="img" aria-label="${l}: ` +
    `${t}"><title>${l}: ${t}</title><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" ` +
    `stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="${total}" ` +
    `height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="${left}" height="20" ` +
    `fill="#555"/><rect x="${left}" width="${right}" height="20" fill="${color}"/><rect width="${total}" height="20" ` +
    `fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" ` +
    `font-size="11"><text x="${left / 2}" y="14">${l}</text><text x="${left + right / 2}" ` +
    `y="14">${t}</text></g></svg>`
  );
}
